import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Db, type Tx } from "~/db/client";
import { pathIds } from "~/lib/unit-hierarchy";

/**
 * How the rollups other than `subtree_scores` walk the tree (case counts, meeting quality):
 * every row of a unit is recomputed from its own records plus its children's rows, so the
 * children must be right first — deepest first along a chain, level by level for a rebuild.
 */
export type Recompute = (units: SQL) => Promise<void>;

/** A full rebuild: the units of each depth, from the deepest level up (one statement set per level). */
/**
 * The paths of some units, read after the caller took the rollup lock: a move of one of them
 * holds the same lock, so the chain recomputed is the one the unit is on when this commits.
 */
export async function pathsOf(db: Db | Tx, unitIds: readonly number[]): Promise<string[]> {
  if (unitIds.length === 0) return [];
  const ids = sql.join(
    [...new Set(unitIds)].map((id) => sql`${id}::int`),
    sql`, `,
  );
  return (await queryRows<{ path: string }>(db, sql`select path from units where id in (${ids})`)).map((r) => r.path);
}

export async function recomputeByLevel(db: Db | Tx, recompute: Recompute): Promise<void> {
  const [depth] = await queryRows<{ d: number | string }>(db, sql`select coalesce(max(depth), 0) as d from units`);
  for (let d = Number(depth?.d ?? 0); d >= 0; d--) await recompute(sql`u.depth = ${d}`);
}

/**
 * The units on the paths (each unit and its ancestors), each once, deepest level first
 * (a level's units in one statement) — one write's chain, or
 * several merged for a write that touches many units (imports, moves).
 */
export async function recomputeChains(paths: readonly string[], recompute: Recompute): Promise<void> {
  const byDepth = new Map<number, Set<number>>();
  for (const path of paths) {
    pathIds(path).forEach((id, depth) => {
      const level = byDepth.get(depth) ?? new Set<number>();
      level.add(id);
      byDepth.set(depth, level);
    });
  }
  for (const depth of [...byDepth.keys()].sort((a, b) => b - a)) {
    const ids = [...byDepth.get(depth)!];
    await recompute(
      sql`u.id in (${sql.join(
        ids.map((id) => sql`${id}::int`),
        sql`, `,
      )})`,
    );
  }
}
