import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Db, Tx } from "~/db/client";
import type { Unit } from "~/db/schema";
import { deadlinePassedSql, itemPendingSql } from "~/lib/rectification";
import { lockRollups } from "./subtree-sql";
import { pathsOf, recomputeChains } from "./tree-walk";

/**
 * The case-count rollup (`subtree_case_counts`, db/schema/subtree-case-counts.ts): what the
 * overview's case summary counts, per subtree, kept in the writing transaction by every write
 * that opens a case, moves its status, adds or completes a rectification item, or moves a unit.
 */

/** One row per case of the units matched by `units` (on `u`): its earliest pending deadline, open or closed. */
const caseFactsSql = (units: SQL) => sql`
  select c.unit_id,
         case when c.status = 'closed' then 'infinity'::date
              else coalesce((select min(ri.deadline) from rectification_items ri
                             where ri.case_id = c.id and ${itemPendingSql("ri")}), 'infinity'::date) end as first_deadline,
         (c.status <> 'closed')::int as open, (c.status = 'closed')::int as closed
  from cases c join units u on u.id = c.unit_id
  where ${units}`;

/** Recomputes the rows of the units matched by `units` (on `u`) from their own cases and their children's rows. */
export async function recomputeCaseCounts(db: Db | Tx, units: SQL): Promise<void> {
  await db.execute(sql`delete from subtree_case_counts s using units u where u.id = s.root_unit_id and (${units})`);
  await db.execute(sql`
    insert into subtree_case_counts (root_unit_id, first_deadline, open, closed)
    select x.root_id, x.first_deadline, sum(x.open), sum(x.closed)
    from (
      select f.unit_id as root_id, f.first_deadline, f.open, f.closed from (${caseFactsSql(units)}) f
      union all
      select u.id, s.first_deadline, s.open, s.closed
      from units u join units c on c.parent_id = u.id join subtree_case_counts s on s.root_unit_id = c.id
      where ${units}
    ) x
    group by x.root_id, x.first_deadline`);
}

/** After a write to the cases or rectification items of some units: each one's chain up to the root. */
export async function refreshCaseCounts(tx: Tx, unitIds: readonly number[]): Promise<void> {
  await lockRollups(tx);
  await recomputeChains(await pathsOf(tx, unitIds), (units) => recomputeCaseCounts(tx, units));
}

/** The case summary of a whole subtree from the rollup: one indexed read of the root's rows, whatever the tree's size. */
export function subtreeCaseSummarySql(root: Pick<Unit, "id">, today: string): SQL {
  return sql`select coalesce(sum(open), 0) as open,
                    coalesce(sum(open) filter (where ${deadlinePassedSql(sql`first_deadline`, today)}), 0) as overdue,
                    coalesce(sum(closed), 0) as closed
             from subtree_case_counts where root_unit_id = ${root.id}`;
}
