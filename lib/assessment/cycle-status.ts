import type { AssessmentCycleStatus } from "~/lib/codes";

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
