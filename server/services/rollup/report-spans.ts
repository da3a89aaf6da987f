import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Db, Tx } from "~/db/client";
import type { Unit } from "~/db/schema";
import { owesReportSql } from "~/server/services/completeness/expected";

/**
 * The units-expected rollup (`subtree_report_spans`, db/schema/subtree-report-spans.ts): per
 * subtree, how many units owe reports over each span of quarters. Changed by unit create
 * (`reports_from`), (de)activation (`reports_until`) and moves (server/services/rollup/tree-counts.ts).
 */

/** Recomputes the rows of the units matched by `units` (on `u`): themselves plus their children's rows. */
export async function recomputeReportSpans(db: Db | Tx, units: SQL): Promise<void> {
  await db.execute(sql`delete from subtree_report_spans s using units u where u.id = s.root_unit_id and (${units})`);
  await db.execute(sql`
    insert into subtree_report_spans (root_unit_id, reports_from, reports_until, units)
    select x.root_id, x.reports_from, x.reports_until, sum(x.n)
    from (
      select u.id as root_id, u.reports_from, u.reports_until, 1 as n from units u where ${units}
      union all
      select u.id, s.reports_from, s.reports_until, s.units
      from units u join units c on c.parent_id = u.id join subtree_report_spans s on s.root_unit_id = c.id
      where ${units}
    ) x
    group by x.root_id, x.reports_from, x.reports_until`);
}

/** Units of the subtree of `root` owing a report in each quarter (rows for `expectedByQuarter`), from the rollup. */
export function subtreeExpectedUnitsSql(root: Pick<Unit, "id">, quarters: string[]): SQL {
  const list = sql.join(
    quarters.map((q) => sql`(${q}::text)`),
    sql`, `,
  );
  return sql`select q.quarter, coalesce(sum(s.units), 0) as n
          from (values ${list}) as q(quarter)
          left join subtree_report_spans s on s.root_unit_id = ${root.id} and ${owesReportSql("s", sql`q.quarter`)}
         group by q.quarter`;
}
