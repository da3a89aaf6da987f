import type { CaseStatus, ReportStatus } from "~/lib/codes";

/**
 * The status rules of cases and reports, in one home (pure, so pages use them too). The SQL
 * twin of `countedStatuses` is `countedStatusSql` (status-sql.ts); a test keeps them equal.
 */

/** Allowed moves; decided → closed only when the case has no rectification items (checked by the service). */
export const caseTransitions: Record<CaseStatus, readonly CaseStatus[]> = {
  opened: ["investigating"],
  investigating: ["decided"],
  decided: ["rectifying", "closed"],
  rectifying: ["closed"],
  closed: [],
};

/**
 * The report workflow (DESIGN.md): draft → submitted → approved | returned; returned → submitted
 * again; an approved report reopened by an admin (解锁) goes back to returned.
 */
export const reportTransitions = {
  submit: { from: ["draft", "returned"], to: "submitted" },
  approve: { from: ["submitted"], to: "approved" },
  return: { from: ["submitted"], to: "returned" },
  reopen: { from: ["approved"], to: "returned" },
} as const satisfies Record<string, { from: readonly ReportStatus[]; to: ReportStatus }>;

/** The statuses in which a unit may still change its report (save, import, computed values). */
export const editableReportStatuses = ["draft", "returned"] as const satisfies readonly ReportStatus[];

/** Whether a report in this status may still be changed; a report not started yet reads as a draft. */
export const isReportEditable = (status: ReportStatus): boolean => (editableReportStatuses as readonly ReportStatus[]).includes(status);

/** The statuses of a report handed in on time or late (报送): submitted, and approved after it. */
export const handedInReportStatuses = ["submitted", "approved"] as const satisfies readonly ReportStatus[];

/** Whether a report in this status has been handed in; one not started yet has not. */
export const isHandedIn = (status: ReportStatus | "not_started"): boolean => (handedInReportStatuses as readonly string[]).includes(status);

/** Which reports a dashboard counts: approved only (the default), or submitted ones too (报送未审核, shown with a label). */
export const reportInclusions = ["approved", "submitted"] as const;
export type ReportInclusion = (typeof reportInclusions)[number];
export const defaultInclusion: ReportInclusion = "approved";

const counted: Record<ReportInclusion, readonly ReportStatus[]> = {
  approved: ["approved"],
  submitted: ["approved", "submitted"],
};

/** The report statuses whose scores count under an inclusion. Drafts and returned reports never count. */
export const countedStatuses = (include: ReportInclusion): readonly ReportStatus[] => counted[include];
