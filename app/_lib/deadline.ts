/**
 * The last day on which a report is on time. The server's deadline is the instant it becomes
 * late (00:00 Beijing time of the following day), so the day to show is the one before it.
 */
export const lastDueDay = (deadline: Date) => new Date(deadline.getTime() - 1);
