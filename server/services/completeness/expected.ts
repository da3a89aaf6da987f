import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Unit } from "~/db/schema";

/**
 * THE definition of "this unit owes a report for this quarter" (应报): from the quarter it was
 * created in (or the start quarter set on creation) through the quarter before it was
 * deactivated. Completeness, to-do, overdue lists and every "x/y units" denominator use it.
 */
export function owesReport(unit: Pick<Unit, "reportsFrom" | "reportsUntil">, quarter: string): boolean {
  return unit.reportsFrom <= quarter && (unit.reportsUntil === null || quarter <= unit.reportsUntil);
}

/** `owesReport` as a SQL condition on the units table under `alias` (for one quarter, or a quarter column). */
export function owesReportSql(alias: string, quarter: string | SQL): SQL {
  const u = sql.identifier(alias);
  return sql`(${u}.reports_from <= ${quarter} and (${u}.reports_until is null or ${quarter} <= ${u}.reports_until))`;
}
