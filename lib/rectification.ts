import { sql, type SQL } from "drizzle-orm";

/**
 * The overdue rule of rectification items (整改事项) — a case's items and the items of the
 * superior's comment (点评整改事项) alike: not done and the deadline before today (a Beijing
 * calendar date, YYYY-MM-DD). The SQL twin reads the `done_at` and `deadline` columns of the
 * item table named `alias`.
 */
export const isItemOverdue = (item: { doneAt: Date | string | null; deadline: string }, today: string): boolean =>
  item.doneAt === null && item.deadline < today;

/** `isItemOverdue` as a SQL condition on the item table `alias` (rectification_items or assessment_items). */
export const itemOverdueSql = (alias: string, today: string): SQL =>
  sql`(${sql.identifier(alias)}.done_at is null and ${sql.identifier(alias)}.deadline < ${today}::date)`;

/** Whether a deadline (YYYY-MM-DD) given to a new or changed item is already past on `today` (Beijing): refused by the server, warned by the form. */
export const deadlineBeforeToday = (deadline: string, today: string): boolean => deadline < today;
