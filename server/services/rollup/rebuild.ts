import "server-only";
import { sql } from "drizzle-orm";
import { queryRows, type Db, type Tx } from "~/db/client";
import { insertFacts } from "./facts";
import { lockRollups, recomputeSubtreeRows } from "./subtree-sql";
import { rebuildQuadrantRollup } from "./quadrant";
import { staleAnnualScores, yearOf } from "~/server/services/assessment/grade-store";

/**
 * Rebuilds the analytics tables from the reports: all of them, or the quarters from
 * `fromQuarter` on (after a rule change, which may only touch quarters without approvals).
 * Facts first, then the rollups level by level from the deepest units up — one statement per
 * level. Used by the seeds and by catalogue changes.
 */
export async function rebuildRollups(db: Db | Tx, opts: { fromQuarter?: string } = {}): Promise<{ facts: number; rollups: number }> {
  const from = opts.fromQuarter ?? null;
  await lockRollups(db);
  const inRange = (col: string) => (from === null ? sql`true` : sql`${sql.raw(col)} >= ${from}`);
  await db.execute(sql`delete from unit_scores where ${inRange("quarter")}`);
  await db.execute(sql`delete from subtree_scores where ${inRange("quarter")}`);
  await insertFacts(db, inRange("r.quarter"));
  const [depth] = await queryRows<{ d: number | string }>(db, sql`select coalesce(max(depth), 0) as d from units`);
  const quarters =
    from === null
      ? null
      : (await queryRows<{ quarter: string }>(db, sql`select distinct quarter from unit_scores where quarter >= ${from}`)).map(
          (r) => r.quarter,
        );
  for (let d = Number(depth?.d ?? 0); d >= 0; d--) {
    await recomputeSubtreeRows(db, sql`u.depth = ${d}`, quarters);
  }
  // The quadrant's facts and cells of the same quarters (./quadrant.ts).
  await rebuildQuadrantRollup(db, from);
  // Every unit's quarterly composites of those quarters may have changed: their years' stored annual scores are stale.
  await staleAnnualScores(db, from === null ? "all" : { from: yearOf(from) }, "all");
  const [counts] = await queryRows<{ facts: number | string; rollups: number | string }>(
    db,
    sql`select (select count(*) from unit_scores) as facts, (select count(*) from subtree_scores) as rollups`,
  );
  return { facts: Number(counts?.facts ?? 0), rollups: Number(counts?.rollups ?? 0) };
}
