import "server-only";
import { sql } from "drizzle-orm";
import { queryRows, type Db, type Tx } from "~/db/client";
import { pathIds } from "~/lib/unit-hierarchy";
import { recomputeCaseCounts } from "./case-counts";
import { recomputeMeetingRollups } from "./meeting-quality";
import { lockRollups } from "./subtree-sql";
import { recomputeByLevel, recomputeChains } from "./tree-walk";

/**
 * The count rollups kept beside `subtree_scores` — cases (./case-counts.ts) and meeting
 * quality (./meeting-quality.ts) — as a whole: rebuilt by the seeds and at start-up when
 * empty, and recomputed along both chains when a subtree moves.
 */

/** Rebuilds the case and meeting rollups from the raw tables, level by level (deepest first). */
export async function rebuildCountRollups(db: Db | Tx): Promise<void> {
  await lockRollups(db);
  for (const table of ["subtree_case_counts", "subtree_unit_kinds", "subtree_meeting_counts", "subtree_meeting_scores"]) {
    await db.execute(sql`delete from ${sql.identifier(table)}`);
  }
  await recomputeByLevel(db, async (units) => {
    await recomputeCaseCounts(db, units);
    await recomputeMeetingRollups(db, units);
  });
}

/**
 * At start-up: rebuilds the count rollups when they are empty while there is something to
 * count — a database migrated to 0023 from an older one, or filled by hand. In one transaction
 * under the rollup lock, so instances starting together do it once and writers wait for it.
 */
export async function ensureCountRollups(db: Db): Promise<boolean> {
  const missing = async (d: Db | Tx) => {
    const [row] = await queryRows<{ missing: boolean }>(
      d,
      sql`select (exists (select 1 from units where active) and not exists (select 1 from subtree_unit_kinds))
              or (exists (select 1 from cases) and not exists (select 1 from subtree_case_counts)) as missing`,
    );
    return !!row?.missing;
  };
  if (!(await missing(db))) return false;
  return db.transaction(async (tx) => {
    await lockRollups(tx);
    if (!(await missing(tx))) return false;
    await rebuildCountRollups(tx);
    return true;
  });
}

/** After the unit `unitId` moved from `oldPath` to `newPath`: both parents' chains, all quarters. */
export async function refreshCountRollupsAfterMove(tx: Tx, input: { unitId: number; oldPath: string; newPath: string }): Promise<void> {
  const parentPath = (path: string) => {
    const ids = pathIds(path).filter((id) => id !== input.unitId);
    return `/${ids.join("/")}/`;
  };
  await recomputeChains([parentPath(input.oldPath), parentPath(input.newPath)], async (units) => {
    await recomputeCaseCounts(tx, units);
    await recomputeMeetingRollups(tx, units);
  });
}
