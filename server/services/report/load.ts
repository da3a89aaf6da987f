import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db, Tx } from "~/db/client";
import { reportValues, reports, users } from "~/db/schema";

/** The stored report of a unit and quarter with its values, or null if none exists yet. */
export async function loadReport(db: Db | Tx, unitId: number, quarter: string) {
  const [row] = await db
    .select({ report: reports, updatedByName: users.displayName })
    .from(reports)
    .leftJoin(users, eq(users.id, reports.updatedBy))
    .where(and(eq(reports.unitId, unitId), eq(reports.quarter, quarter)))
    .limit(1);
  if (!row) return null;
  const values = await db
    .select({ indicatorCode: reportValues.indicatorCode, value: reportValues.value })
    .from(reportValues)
    .where(eq(reportValues.reportId, row.report.id))
    .orderBy(reportValues.indicatorCode);
  return { ...row.report, updatedByName: row.updatedByName, values };
}

export type LoadedReport = NonNullable<Awaited<ReturnType<typeof loadReport>>>;
