import { sql, type SQL } from "drizzle-orm";
import { countedStatuses, type ReportInclusion } from "~/lib/status";

/**
 * The same in SQL: `<column> in ('approved', …)` for the statuses `countedStatuses(include)`
 * lists. The statuses are constants of the code, written as literals.
 */
export function countedStatusSql(column: string, include: ReportInclusion): SQL {
  return sql.raw(
    `${column} in (${countedStatuses(include)
      .map((s) => `'${s}'`)
      .join(", ")})`,
  );
}
