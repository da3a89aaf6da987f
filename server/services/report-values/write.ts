import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Tx } from "~/db/client";
import { reportValues } from "~/db/schema";

// Its own area, below report and meeting: report.save, the Excel import and the values computed
// from meetings all write through here, so neither report nor meeting imports the other both ways.

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
