import "server-only";
import { and, eq } from "drizzle-orm";
import type { Tx } from "~/db/client";
import { assessmentItems, dutyReportAnswers, dutyReports, type DutyReport } from "~/db/schema";
import { conflict, preconditionFailed } from "~/server/errors";
import { m } from "~/lib/server-message";

/** The unit's duty report of the year, locked for the write (null when none was started). */
export async function lockDutyReport(tx: Tx, year: number, unitId: number): Promise<DutyReport | null> {
  const [row] = await tx
    .select()
    .from(dutyReports)
    .where(and(eq(dutyReports.year, year), eq(dutyReports.unitId, unitId)))
    .for("update");
  return row ?? null;
}

/** The same report, which must exist (a decision or a submission is about one). */
export async function lockExistingDutyReport(tx: Tx, year: number, unitId: number, unitName: string): Promise<DutyReport> {
  const row = await lockDutyReport(tx, year, unitId);
  if (!row) throw preconditionFailed(m("dutyReport.noReport", { year, unit: unitName }));
  return row;
}

/** CONFLICT when the caller read another version than the stored one (0: none yet); nothing to check when it says none. */
export function checkVersion(row: DutyReport | null, version: number | undefined) {
  if (version !== undefined && version !== (row?.version ?? 0)) {
    throw conflict(m("dutyReport.changedMeanwhile", { version: row?.version ?? 0 }));
  }
}

/** Last year's comment items of the unit (what this year's report answers), in order, with the report's answers. */
export async function itemsToAnswer(tx: Tx, year: number, unitId: number, dutyReportId: number | null) {
  return tx
    .select({
      id: assessmentItems.id,
      position: assessmentItems.position,
      content: assessmentItems.content,
      done: dutyReportAnswers.done,
      evidence: dutyReportAnswers.evidence,
    })
    .from(assessmentItems)
    .leftJoin(
      dutyReportAnswers,
      and(eq(dutyReportAnswers.itemId, assessmentItems.id), eq(dutyReportAnswers.dutyReportId, dutyReportId ?? 0)),
    )
    .where(and(eq(assessmentItems.year, year - 1), eq(assessmentItems.unitId, unitId)))
    .orderBy(assessmentItems.position, assessmentItems.id);
}

/** The audit snapshot of a report. */
export const dutyReportSnapshot = (r: DutyReport) => ({
  year: r.year,
  status: r.status,
  textChars: r.text.length,
  returnReason: r.returnReason,
  officerId: r.officerId,
  version: r.version,
});
