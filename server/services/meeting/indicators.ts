import "server-only";
import { and, avg, eq, inArray } from "drizzle-orm";
import type { Db, Tx } from "~/db/client";
import { meetings, reportValues, reports, type Unit } from "~/db/schema";
import type { Actor } from "~/server/scope";
import { writeAudit } from "~/server/services/audit/write";
import { effectiveIndicators } from "~/server/services/catalogue/effective";
import { writeReportValues } from "~/server/services/report-values/write";
import { isReportEditable } from "~/lib/status";
import { computeCompletion } from "./completion";

/** The catalogue's indicators with `source: "meetings"` and how each is computed. */
export const meetingIndicatorCodes = {
  threeOneRate: "I1_three_one_rate", // 三会一课完成率
  lifeMeetingQuality: "I2_life_meeting_quality", // 组织生活会/民主生活会质量评分
} as const;

/** Meetings whose quality feeds I2: those about criticism and self-criticism of the branch or leadership team. */
const lifeQualityTypes = ["org_life", "democratic_life"] as const;

const round1 = (x: number) => Math.round(x * 10) / 10;

type MeetingUnit = Pick<Unit, "id" | "type" | "memberCount">;

/** The computed values of a unit's quarter by indicator code (null = no value). */
export async function computeMeetingIndicators(tx: Db | Tx, unit: MeetingUnit, quarter: string): Promise<Record<string, number | null>> {
  const { threeOneRate } = await computeCompletion(tx, unit, quarter);
  const [quality] = await tx
    .select({ mean: avg(meetings.qualityScore) })
    .from(meetings)
    .where(and(eq(meetings.unitId, unit.id), eq(meetings.quarter, quarter), inArray(meetings.type, [...lifeQualityTypes])));
  const mean = quality?.mean == null ? null : round1(Number(quality.mean));
  return { [meetingIndicatorCodes.threeOneRate]: threeOneRate, [meetingIndicatorCodes.lifeMeetingQuality]: mean };
}

/**
 * Writes the computed values into a report (upsert, or delete when there is no value) for
 * every `source: "meetings"` indicator in force in the quarter. Returns the values before and
 * after, by code. Does not touch the report's version: see `refreshMeetingIndicators`.
 */
export async function applyComputedValues(tx: Tx, reportId: number, unit: MeetingUnit, quarter: string) {
  const codes = (await effectiveIndicators(tx, quarter)).filter((i) => i.source === "meetings").map((i) => i.code);
  if (codes.length === 0) return { before: {}, after: {} };
  const stored = await tx
    .select({ code: reportValues.indicatorCode, value: reportValues.value })
    .from(reportValues)
    .where(and(eq(reportValues.reportId, reportId), inArray(reportValues.indicatorCode, codes)));
  const before: Record<string, number | null> = Object.fromEntries(codes.map((c) => [c, null]));
  for (const s of stored) before[s.code] = s.value;

  const computed = await computeMeetingIndicators(tx, unit, quarter);
  const after: Record<string, number | null> = Object.fromEntries(codes.map((c) => [c, computed[c] ?? null]));
  // Only what changed goes through the shared upsert (null deletes).
  const changed = new Map(codes.filter((c) => after[c] !== before[c]).map((c) => [c, after[c] ?? null]));
  if (changed.size > 0) await writeReportValues(tx, reportId, changed);
  return { before, after };
}

/**
 * After a meeting changes: recompute its quarter's values in the unit's report if one exists
 * and is still editable (draft / returned). The report's version is NOT bumped — a value the
 * system computed must not make a staff member's open form stale — but the change is audited
 * as `report.compute`. No report yet: nothing to do; the first save computes them.
 */
export async function refreshMeetingIndicators(tx: Tx, actor: Actor | null, unit: MeetingUnit, quarter: string) {
  const [report] = await tx
    .select({ id: reports.id, status: reports.status })
    .from(reports)
    .where(and(eq(reports.unitId, unit.id), eq(reports.quarter, quarter)))
    .limit(1);
  if (!report || !isReportEditable(report.status)) return;
  const { before, after } = await applyComputedValues(tx, report.id, unit, quarter);
  if (JSON.stringify(before) === JSON.stringify(after)) return;
  await writeAudit(tx, actor, {
    action: "report.compute",
    entity: "report",
    entityId: report.id,
    unitId: unit.id,
    before: { quarter, values: before },
    after: { quarter, values: after },
  });
}
