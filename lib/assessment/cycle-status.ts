import type { AssessmentCycleStatus } from "~/lib/codes";
import type { CycleRules } from "./rules";

/**
 * The status rules of the annual cycle (open → rating → publicised → final), in one home (pure,
 * so pages use them too): when a year still takes inputs, and when its grades are frozen.
 */

/** The statuses in which a year's duty reports, appraisals and comments may still be written (公示 and 定档 freeze them). */
export const inputStatuses = ["open", "rating"] as const satisfies readonly AssessmentCycleStatus[];

export const acceptsInputs = (status: AssessmentCycleStatus) => (inputStatuses as readonly string[]).includes(status);

/** The statuses whose grades are frozen (rows written for every graded unit at 公示): publicised and final. */
export const frozenStatuses = ["publicised", "final"] as const satisfies readonly AssessmentCycleStatus[];

/** Whether a year's grades are frozen; a year without a cycle (null) is not. */
export const gradesFrozen = (status: AssessmentCycleStatus | null | undefined): status is (typeof frozenStatuses)[number] =>
  status != null && (frozenStatuses as readonly string[]).includes(status);

/**
 * Whether a missing duty report counts against the unit's grade (the duty_report_missing veto):
 * once the deadline (`rules.dutyReportDeadline`, a Beijing date) has passed, or once the year has
 * left its open stage (moving to rating early is confirmed with that warning). `today`: Beijing.
 */
export const dutyReportsDue = (cycle: { status: AssessmentCycleStatus; rules: Pick<CycleRules, "dutyReportDeadline"> }, today: string) =>
  cycle.status !== "open" || today > cycle.rules.dutyReportDeadline;
