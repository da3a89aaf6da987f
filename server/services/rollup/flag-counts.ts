import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Db, Tx } from "~/db/client";
import { unitFlagCountsSql } from "~/server/services/meeting/flags";
import { lockRollups, quarterIn } from "./subtree-sql";
import { pathsOf, recomputeChains } from "./tree-walk";

/**
 * The formalism-flag rollup (`subtree_flag_counts`, db/schema/subtree-flag-counts.ts): how many
 * flags of each kind a subtree raises per quarter — what `dashboard.meetingQuality`'s
 * `flagCounts` reads for a caller who reads the whole subtree. Each unit's own counts come from
 * the flag rules' one home (`unitFlagCountsSql`, server/services/meeting/flags.ts), plus its
 * children's rows, in the writing transaction under the rollup lock, like the other rollups.
 *
 * A unit's flags of a quarter change when: one of its meetings of that quarter is written or
 * deleted (every kind; a quarter-end bunch depends on all of the unit-quarter's meetings); the
 * copied-minutes match stored on one of its meetings changes because ANOTHER meeting was written
 * or deleted (../meeting/copied-match.ts: `refreshCopiedMatches` returns those meetings); one of
 * its duty reports' copied match is written (Q4 of the report's year, ../assessment/duty-copy.ts).
 * A move changes its ancestors' sums (./tree-counts.ts). (De)activating a unit changes nothing:
 * the flags of inactive units are listed too. The copy-check backfill writes only bands and
 * fingerprints, never a stored match.
 */

/** Recomputes the rows of the units matched by `units` (on `u`) for some quarters (null: all): own flags plus the children's rows. */
export async function recomputeFlagCounts(db: Db | Tx, units: SQL, quarters: readonly string[] | null): Promise<void> {
  await db.execute(sql`
    delete from subtree_flag_counts s using units u
    where u.id = s.root_unit_id and (${units}) and ${quarterIn("s.quarter", quarters)}`);
  await db.execute(sql`
    insert into subtree_flag_counts (root_unit_id, quarter, kind, flags)
    select x.root_id, x.quarter, x.kind, sum(x.flags)
    from (
      select f.unit_id as root_id, f.quarter, f.kind, f.flags from (${unitFlagCountsSql(units, quarters)}) f
      union all
      select u.id, s.quarter, s.kind, s.flags
      from units u join units c on c.parent_id = u.id join subtree_flag_counts s on s.root_unit_id = c.id
      where (${units}) and ${quarterIn("s.quarter", quarters)}
    ) x
    group by x.root_id, x.quarter, x.kind`);
}

/** A unit whose flags of a quarter may have changed. */
export type FlagChange = { unitId: number; quarter: string };

/**
 * After flags of some units may have changed in some quarters: the units' chains up to the root,
 * for those quarters. One call per transaction is enough for any number of changes.
 */
export async function refreshFlagCounts(tx: Tx, changes: readonly FlagChange[]): Promise<void> {
  if (changes.length === 0) return;
  await lockRollups(tx);
  const quarters = [...new Set(changes.map((c) => c.quarter))];
  await recomputeChains(
    await pathsOf(
      tx,
      changes.map((c) => c.unitId),
    ),
    (units) => recomputeFlagCounts(tx, units, quarters),
  );
}
