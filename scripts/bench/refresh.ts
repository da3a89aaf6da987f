import { sql } from "drizzle-orm";
import { queryRows, type Db, type Tx } from "~/db/client";
import type { Actor } from "~/server/scope";
import { approveReport } from "~/server/services/report/review";
import { refreshRollupsForReport } from "~/server/services/rollup/refresh";
import { refreshCaseCounts } from "~/server/services/rollup/case-counts";
import { refreshFlagCounts } from "~/server/services/rollup/flag-counts";
import { refreshMeetingRollups } from "~/server/services/rollup/meeting-quality";
import { refreshUnitRollups } from "~/server/services/rollup/tree-counts";
import { summarise, type Stats } from "./stats";

export type RefreshResult = {
  picked: number;
  depthMix: string;
  approve: Stats;
  refreshOnly: Stats;
  /** The count rollups' refreshes for the same units, each alone in a transaction (issue 16). */
  counts: { cases: Stats; meetings: Stats; flags: Stats; unit: Stats };
};

/**
 * The cost of keeping the rollups current: approves `count` submitted reports of `quarter`
 * (spread over the tree) through the app's own approveReport — its transaction refreshes the
 * unit's facts and every ancestor's rollups — timing each; then times refreshRollupsForReport
 * alone for the same reports (in a transaction, as the transition runs it). Changes the data:
 * the approved reports stay approved, so each run picks others.
 */
export async function benchRefresh(ctx: { db: Db; actor: Actor }, quarter: string, count: number): Promise<RefreshResult> {
  const picked = await queryRows<{ unit_id: number; depth: number }>(
    ctx.db,
    sql`select r.unit_id, u.depth from reports r join units u on u.id = r.unit_id
        where r.quarter = ${quarter} and r.status = 'submitted'
        order by md5(r.unit_id::text) limit ${count}`,
  );
  if (picked.length === 0) throw new Error(`no submitted report left in ${quarter} to approve: seed again`);
  const approve: number[] = [];
  for (const p of picked) {
    const started = performance.now();
    await approveReport(ctx, { unitId: p.unit_id, quarter });
    approve.push(performance.now() - started);
  }
  const refreshOnly: number[] = [];
  for (const p of picked) {
    await ctx.db.transaction(async (tx) => {
      const started = performance.now();
      await refreshRollupsForReport(tx, p.unit_id, quarter);
      refreshOnly.push(performance.now() - started);
    });
  }
  // What a case write, a meeting write (in the newest quarter), a flag change and a unit's change of kind add to their transactions.
  const timed = async (fn: (tx: Tx, unitId: number) => Promise<void>) => {
    const out: number[] = [];
    for (const p of picked) {
      await ctx.db.transaction(async (tx) => {
        const started = performance.now();
        await fn(tx, p.unit_id);
        out.push(performance.now() - started);
      });
    }
    return summarise(out);
  };
  const counts = {
    cases: await timed((tx, unitId) => refreshCaseCounts(tx, [unitId])),
    meetings: await timed((tx, unitId) => refreshMeetingRollups(tx, [{ unitId, quarter }])),
    // The flag counts' part of it (a duty report's copy match, another unit's re-matched minutes: this alone).
    flags: await timed((tx, unitId) => refreshFlagCounts(tx, [{ unitId, quarter }])),
    unit: await timed((tx, unitId) => refreshUnitRollups(tx, [unitId], { meetings: true })),
  };
  const depths = new Map<number, number>();
  for (const p of picked) depths.set(p.depth, (depths.get(p.depth) ?? 0) + 1);
  const depthMix = [...depths]
    .sort(([a], [b]) => a - b)
    .map(([d, n]) => `${n} at depth ${d}`)
    .join(", ");
  return { picked: picked.length, depthMix, approve: summarise(approve), refreshOnly: summarise(refreshOnly), counts };
}
