import { sql, type SQL } from "drizzle-orm";
import type { ReportStatus } from "~/lib/codes";
import { countedStatuses, type ReportInclusion } from "~/lib/status";

/**
 * The same in SQL: `<column> in ('approved', …)` for the statuses `countedStatuses(include)`
 * lists. The statuses are constants of the code, written as literals.
 */
export function countedStatusSql(column: string, include: ReportInclusion): SQL {
  return statusInSql(column, countedStatuses(include));
}

/** `<column> in (…)` for a list of statuses of lib/status.ts (editable, handed in, counted). */
export function statusInSql(column: string, statuses: readonly ReportStatus[]): SQL {
  return sql.raw(`${column} in (${statuses.map((s) => `'${s}'`).join(", ")})`);
}
