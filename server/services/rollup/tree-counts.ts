import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Db, type Tx } from "~/db/client";
import { pathIds } from "~/lib/unit-hierarchy";
import { recomputeCaseCounts } from "./case-counts";
import { recomputeMeetingCounts, recomputeMeetingRollups, recomputeUnitKinds } from "./meeting-quality";
import { recomputeReportSpans } from "./report-spans";
import { lockRollups } from "./subtree-sql";
import { pathsOf, recomputeByLevel, recomputeChains } from "./tree-walk";

/**
 * The count rollups kept beside `subtree_scores` — cases (./case-counts.ts), units expected
 * (./report-spans.ts), meeting quality (./meeting-quality.ts) and the formalism flags (./flag-counts.ts) — as a whole: rebuilt by the
 * seeds and at start-up when empty, recomputed along a unit's chain when it is created or
 * changes kind or span, and along both chains when a subtree moves.
 */

/** The count rollups' tables (emptied by a rebuild; the scale seed analyzes them after one). */
export const countRollupTables = [
  "subtree_case_counts",
  "subtree_report_spans",
  "subtree_unit_kinds",
  "subtree_meeting_counts",
  "subtree_meeting_scores",
  "subtree_flag_counts",
];

/** Every count rollup of the matched units (on `u`), all quarters. */
async function recomputeAll(db: Db | Tx, units: SQL): Promise<void> {
  await recomputeCaseCounts(db, units);
  await recomputeReportSpans(db, units);
  await recomputeMeetingRollups(db, units);
}

/**
 * After a unit was created (`meetings: false`: it has none yet), changed kind (type, members
 * enough for a 支委会) or was (de)activated: the units expected, the active units by kind and
 * the 三会一课 counts of every quarter, along its chain.
 */
export async function refreshUnitRollups(tx: Tx, unitIds: readonly number[], opts: { meetings: boolean }): Promise<void> {
  await lockRollups(tx);
  await recomputeChains(await pathsOf(tx, unitIds), async (units) => {
    await recomputeReportSpans(tx, units);
    await recomputeUnitKinds(tx, units);
    if (opts.meetings) await recomputeMeetingCounts(tx, units, null);
  });
}

/** Rebuilds every count rollup from the raw tables, level by level (deepest first). */
export async function rebuildCountRollups(db: Db | Tx): Promise<void> {
  await lockRollups(db);
  for (const table of countRollupTables) await db.execute(sql`delete from ${sql.identifier(table)}`);
  await recomputeByLevel(db, (units) => recomputeAll(db, units));
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
      sql`select (exists (select 1 from units) and not exists (select 1 from subtree_report_spans))
              or (exists (select 1 from units where active) and not exists (select 1 from subtree_unit_kinds))
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
  await recomputeChains([parentPath(input.oldPath), parentPath(input.newPath)], (units) => recomputeAll(tx, units));
}
