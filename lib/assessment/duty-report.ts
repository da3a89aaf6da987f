import type { DutyReportStatus } from "~/lib/codes";

/**
 * The rules of a duty report (述职报告) the editor and the server share: the body's least
 * length to submit, and the statuses in which the unit may still change it (none yet, a draft,
 * or returned). Submitted reports wait for the level above; accepted ones are done.
 */
export const dutyReportRules = { minChars: 200, maxChars: 20_000, evidenceChars: 1000 } as const;

export const dutyReportEditable = (status: DutyReportStatus | null): boolean =>
  status === null || status === "draft" || status === "returned";
