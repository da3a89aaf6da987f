import "server-only";
import { todayInChina } from "~/server/services/meeting/schemas";

/** A duty report handed in after the cycle's deadline (逾期): its Beijing submission date is after `rules.dutyReportDeadline`. */
export const submittedLate = (submittedAt: Date | null, deadline: string): boolean =>
  submittedAt !== null && todayInChina(submittedAt) > deadline;
