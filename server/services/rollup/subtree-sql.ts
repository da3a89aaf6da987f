import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Db, Tx } from "~/db/client";
import { advisoryLocks } from "~/db/locks";
import { regionOf } from "./facts";
import { countedStatusSql } from "~/lib/status-sql";

/** `quarter in (…)` on a column, or no condition for all quarters. */
export function quarterIn(column: string, quarters: readonly string[] | null): SQL {
  if (quarters === null) return sql`true`;
  if (quarters.length === 0) return sql`false`;
  return sql`${sql.raw(column)} in (${sql.join(
    quarters.map((q) => sql`${q}`),
    sql`, `,
  )})`;
}

/**
 * Recomputes the rollup rows (`subtree_scores`) of the units matched by `units` (a condition
 * on `u`) for some quarters (null: all): each unit's own facts plus its children's rollups —
 * so the children's rows must already be right. Exact by construction: nothing is adjusted
 * by deltas, a row is rebuilt from the level below.
 */
export async function recomputeSubtreeRows(db: Db | Tx, units: SQL, quarters: readonly string[] | null): Promise<void> {
  await db.execute(sql`
    delete from subtree_scores s using units u
    where u.id = s.root_unit_id and (${units}) and ${quarterIn("s.quarter", quarters)}`);
  await db.execute(sql`
    insert into subtree_scores (root_unit_id, quarter, series, region_id, approved_sum, approved_count, submitted_sum, submitted_count)
    select x.root_id, x.quarter, x.series, min(x.region_id),
           sum(x.approved_sum), sum(x.approved_count), sum(x.submitted_sum), sum(x.submitted_count)
    from (
      select u.id as root_id, f.quarter, f.series, ${regionOf("u")} as region_id,
             case when ${countedStatusSql("f.status", "approved")} then f.score else 0 end as approved_sum,
             case when ${countedStatusSql("f.status", "approved")} then 1 else 0 end as approved_count,
             f.score as submitted_sum, 1 as submitted_count
      from units u join unit_scores f on f.unit_id = u.id
      where (${units}) and ${quarterIn("f.quarter", quarters)}
      union all
      select u.id, s.quarter, s.series, ${regionOf("u")},
             s.approved_sum, s.approved_count, s.submitted_sum, s.submitted_count
      from units u
      join units c on c.parent_id = u.id
      join subtree_scores s on s.root_unit_id = c.id
      where (${units}) and ${quarterIn("s.quarter", quarters)}
    ) x
    group by x.root_id, x.quarter, x.series`);
}

// Refreshes recompute an ancestor's row from its children's rows. Two transactions refreshing
// siblings at once would each read the other's old row (READ COMMITTED) and the last to commit
// would drop the other's change; so refreshes take this lock for the rest of their transaction
// and run one after another (each takes milliseconds). A later, sharded deployment can lock per
// region instead (docs/scaling.md).

/** Serialises rollup refreshes until the end of the transaction. */
export async function lockRollups(db: Db | Tx): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(${advisoryLocks.rollupRefresh})`);
}

/** Recomputes the rollups of the given units, deepest first (each must be an ancestor of the next). */
export async function recomputeChain(db: Db | Tx, idsDeepestFirst: readonly number[], quarters: readonly string[] | null) {
  for (const id of idsDeepestFirst) await recomputeSubtreeRows(db, sql`u.id = ${id}`, quarters);
}
