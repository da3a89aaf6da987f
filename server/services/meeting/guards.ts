import "server-only";
import { and, eq } from "drizzle-orm";
import type { Tx } from "~/db/client";
import { reports, type Meeting } from "~/db/schema";
import { preconditionFailed } from "~/server/errors";
import { formatQuarter } from "~/lib/quarter";
import { meetingQuality } from "~/lib/scoring/meeting-quality";
import { textFingerprint } from "~/lib/text-similarity";
import { quarterOfDate, type MeetingInput } from "./schemas";
import { m } from "~/lib/server-message";

export type MeetingFields = Omit<MeetingInput, "unitId">;

/**
 * The report of the unit's quarter, locked for the rest of the transaction, so an approval
 * and a meeting change cannot interleave. Refuses when that report is approved: the meetings
 * feed its computed values (三会一课完成率, 会议质量评分).
 */
export async function assertQuarterOpen(tx: Tx, unitId: number, quarter: string) {
  const [report] = await tx
    .select({ id: reports.id, status: reports.status })
    .from(reports)
    .where(and(eq(reports.unitId, unitId), eq(reports.quarter, quarter)))
    .for("update")
    .limit(1);
  if (report?.status === "approved") {
    throw preconditionFailed(
      m("meeting.theReportOfIsApprovedAnd", { quarterZh: formatQuarter(quarter, "zh-CN"), quarterEn: formatQuarter(quarter, "en") }),
    );
  }
  return report ?? null;
}

/** The stored columns a meeting's facts determine: quarter, quality score, fingerprint (the bands follow in refreshCopiedMatches). */
export function meetingColumns(input: MeetingFields) {
  return {
    type: input.type,
    date: input.date,
    quarter: quarterOfDate(input.date),
    expected: input.expected,
    present: input.present,
    topic: input.topic,
    solicitedOpinions: input.solicitedOpinions,
    criticalOpinions: input.criticalOpinions,
    selfCriticisms: input.selfCriticisms ?? null,
    mutualCriticisms: input.mutualCriticisms ?? null,
    rectificationItems: input.rectificationItems,
    minutes: input.minutes,
    minutesFingerprint: textFingerprint(input.minutes), // its bands: refreshCopiedMatches
    qualityScore: meetingQuality(input).total,
  };
}

/** What the audit log keeps of a meeting (the fingerprint and the copied match are derived, so left out). */
export function meetingSnapshot(m: Meeting) {
  const { minutesFingerprint: _fp, copyBands: _cb, copiedFromId: _cf, copiedSimilarity: _cs, createdAt: _c, updatedAt: _u, ...rest } = m;
  return rest;
}
