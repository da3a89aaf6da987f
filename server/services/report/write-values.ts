import { and, eq, inArray, sql } from "drizzle-orm";
import type { Tx } from "~/db/client";
import { reportValues } from "~/db/schema";
import type { LoadedReport } from "./load";

/** Upserts a report's values by indicator code; null deletes one. report.save and the Excel import both write through here. */
export async function writeReportValues(tx: Tx, reportId: number, values: Map<string, number | null>): Promise<void> {
  const cleared = [...values].filter(([, v]) => v === null).map(([code]) => code);
  const set = [...values].flatMap(([indicatorCode, value]) => (value === null ? [] : [{ reportId, indicatorCode, value }]));
  if (cleared.length > 0) {
    await tx.delete(reportValues).where(and(eq(reportValues.reportId, reportId), inArray(reportValues.indicatorCode, cleared)));
  }
  if (set.length > 0) {
    await tx
      .insert(reportValues)
      .values(set)
      .onConflictDoUpdate({ target: [reportValues.reportId, reportValues.indicatorCode], set: { value: sql`excluded.value` } });
  }
}

/** What the audit log keeps of a report (same shape as report.save's entries). */
export function reportSnapshot(r: LoadedReport) {
  return {
    quarter: r.quarter,
    status: r.status,
    version: r.version,
    businessScore: r.businessScore,
    note: r.note,
    values: Object.fromEntries(r.values.map((v) => [v.indicatorCode, v.value])),
  };
}
