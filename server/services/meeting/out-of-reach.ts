import "server-only";
import { m } from "~/lib/server-message";
/**
 * What a caller is told about minutes that match a meeting they may not read: that it exists
 * in a unit outside their reach and how similar it is — never that unit's name, the meeting's
 * id or its date. The one home of this wording (flags, and any pre-check before saving).
 */
export const OUT_OF_REACH_MATCH = m("meeting.closelyMatchesTheMinutesOfA");

/** The copied-minutes evidence of a match the caller cannot read. */
export function outOfReachMatchEvidence(similarity: unknown) {
  return { otherReadable: false, sameUnit: false, similarity: Number(similarity), message: OUT_OF_REACH_MATCH } as const;
}

/** The copied-duty-report evidence of a match the caller cannot read (the report's own year kept). */
export function outOfReachDutyReportEvidence(similarity: unknown, year: unknown) {
  return {
    otherReadable: false,
    sameUnit: false,
    similarity: Number(similarity),
    year: Number(year),
    message: m("copyCheck.closelyMatchesADutyReportOutOfReach"),
  } as const;
}
