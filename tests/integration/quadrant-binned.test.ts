import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "~/db/client";
import { units, unitScores } from "~/db/schema";
import { binOf, binPoints, type QuadrantBinning } from "~/lib/scoring/quadrant-bins";
import { binSql } from "~/lib/scoring/quadrant-bins-sql";
import type { Actor } from "~/server/scope";
import { dashboardQuadrant } from "~/server/services/dashboard/quadrant";
import { splitQuadrant } from "~/server/services/dashboard/quadrant-points";
import { unitsQuadrant } from "~/server/services/dashboard/quadrant-units";
import { quadrantFromRollup } from "~/server/services/dashboard/quadrant-rollup";
import { rebuildQuadrantRollup } from "~/server/services/rollup/quadrant";
import { callerFor, createActor } from "../factories";
import { useTreeDb } from "./test-db";

/**
 * 重业务轻党建 with many units (issue 16): above the threshold `dashboard.quadrant` counts the
 * units per cell instead of listing them, and lists the flagged ones with the largest gap. The
 * threshold is lowered here (a parameter of the service): the grid must add up to the units,
 * and the flagged list must be the one the unbinned quadrant gives.
 */
const t = useTreeDb();
const Q = "2025Q3";
const small: QuadrantBinning = { binAbove: 40, cell: 2, flaggedLimit: 7 };
const unbinned: QuadrantBinning = { binAbove: 1_000_000, cell: 2, flaggedLimit: 7 };
let admin: Actor, leaderA: Actor;
/** Units below branch A with both scores; two more have only one of them. */
const SCORED = 90;

/** A deterministic pseudo-random sequence (no flaky property test). */
function lcg(seed: number) {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

beforeAll(async () => {
  const { root, branchA, branchB, leafB1 } = t.tree;
  admin = await createActor(t.db, "admin", root);
  leaderA = await createActor(t.db, "leader", branchA);
  const rnd = lcg(16);
  const score = () => Math.round(rnd() * 600 + 400) / 10; // 40.0–100.0, ties in cells likely
  const made = await t.db
    .insert(units)
    .values(
      Array.from({ length: SCORED + 2 }, (_, i) => ({
        name: `A局第${i + 3}党支部`,
        type: "branch" as const,
        parentId: branchA.id,
        path: "",
        depth: 2,
      })),
    )
    .returning({ id: units.id });
  await t.db.execute(sql`update units set path = ${branchA.path} || id || '/' where path = ''`);
  type Fact = typeof unitScores.$inferInsert;
  const fact = (unitId: number, series: string): Fact => ({
    unitId,
    quarter: Q,
    series,
    regionId: branchA.id,
    status: "approved",
    score: score(),
  });
  const rows = made.flatMap(({ id }, i) => [
    ...(i !== SCORED ? [fact(id, "composite")] : []),
    ...(i !== SCORED + 1 ? [fact(id, "business")] : []),
  ]);
  // edges: a perfect score, and a submitted (not approved) report
  rows[0]!.score = 100;
  rows[1]!.score = 100;
  rows[2]!.status = "submitted";
  // a unit of branch B, outside A's subtree
  rows.push(
    { unitId: leafB1.id, quarter: Q, series: "composite", regionId: branchB.id, status: "approved", score: 10 },
    { unitId: leafB1.id, quarter: Q, series: "business", regionId: branchB.id, status: "approved", score: 99 },
  );
  await t.db.insert(unitScores).values(rows);
  // The facts were written by hand, not by a report's refresh: the quadrant rollup is built from them.
  await rebuildQuadrantRollup(t.db);
});

const input = (unitId: number, include: "approved" | "submitted" = "approved") => ({
  unitId,
  quarter: Q,
  level: "units" as const,
  include,
});

describe("dashboard.quadrant of every unit, binned above a threshold", () => {
  it("below the threshold: every unit a point, as before, and no grid", async () => {
    const r = await callerFor(t.db, leaderA).dashboard.quadrant(input(t.tree.branchA.id, "submitted"));
    expect(r.binned).toBeNull();
    expect(r.points).toHaveLength(SCORED); // the default threshold is 2,000; two units lack a score, leafA1/A2 have none
    expect(r.total).toBe(r.points.length);
    expect(r.flaggedTotal).toBe(r.flagged.length);
  });

  for (const include of ["approved", "submitted"] as const) {
    it(`above it (${include}): the cells add up to the units, and the flagged list is the unbinned one's largest gaps`, async () => {
      const ctx = { db: t.db, actor: leaderA };
      const full = await dashboardQuadrant(ctx, input(t.tree.branchA.id, include), unbinned);
      const binned = await dashboardQuadrant(ctx, input(t.tree.branchA.id, include), small);
      expect(full.binned).toBeNull();
      expect(full.total).toBeGreaterThan(small.binAbove);
      expect(binned.binned).not.toBeNull();
      expect(binned.points).toEqual([]);
      expect(binned.total).toBe(full.points.length);
      expect(binned.binned!.cell).toBe(2);
      expect(binned.binned!.bins.reduce((n, b) => n + b.count, 0)).toBe(full.points.length);
      expect(binned.binned!.bins).toEqual(binPoints(full.points, 2));
      // the naive list: the unbinned quadrant's own split
      const naive = splitQuadrant(full.points, { mode: "mean" });
      expect(binned.thresholds.mode).toBe("mean");
      expect(binned.thresholds.business).toBeCloseTo(naive.thresholds.business!, 9);
      expect(binned.thresholds.party).toBeCloseTo(naive.thresholds.party!, 9);
      expect(binned.flaggedTotal).toBe(naive.flagged.length);
      expect(naive.flagged.length).toBeGreaterThan(small.flaggedLimit);
      expect(binned.flagged).toEqual(naive.flagged.slice(0, small.flaggedLimit));
      expect(full.flagged).toEqual(naive.flagged);
    });
  }

  it("follows the admin's fixed cut-off, and an admin at the root sees the other branch's unit too", async () => {
    await callerFor(t.db, admin).settings.update({ key: "quadrantCutoff", value: { mode: "fixed", business: 70, party: 60 }, version: 0 });
    const ctx = { db: t.db, actor: admin };
    const full = await dashboardQuadrant(ctx, input(t.tree.root.id), unbinned);
    const binned = await dashboardQuadrant(ctx, input(t.tree.root.id), { ...small, flaggedLimit: 200 });
    expect(binned.thresholds).toEqual({ mode: "fixed", business: 70, party: 60 });
    const naive = splitQuadrant(full.points, { mode: "fixed", business: 70, party: 60 });
    expect(binned.flagged).toEqual(naive.flagged); // all of them: fewer than the limit
    expect(binned.flaggedTotal).toBe(naive.flagged.length);
    expect(binned.flagged[0]).toMatchObject({ id: t.tree.leafB1.id, hasChildren: false });
    expect(binned.binned!.bins).toEqual(binPoints(full.points, 2));
    // a leader of branch A does not see it
    const a = await dashboardQuadrant({ db: t.db, actor: leaderA }, input(t.tree.branchA.id), small);
    expect(a.flagged.map((p) => p.id)).not.toContain(t.tree.leafB1.id);
    await callerFor(t.db, admin).settings.update({ key: "quadrantCutoff", value: { mode: "mean" }, version: 1 });
  });

  it("reads the same by key, by region, by path and from the rollup, at the root and in a region", async () => {
    const { root, branchA, branchB } = t.tree;
    for (const [unit, children] of [
      [root, [branchA.id, branchB.id]],
      [branchA, []],
    ] as const) {
      for (const include of ["approved", "submitted"] as const) {
        for (const binning of [small, unbinned]) {
          const opts = { root: unit, children, quarter: Q, include, cutoff: { mode: "mean" } as const, binning };
          const byKey = await unitsQuadrant(t.db, { ...opts, lookupUpTo: 1_000_000, live: true });
          // (no subtree_scores rows here: the subtree's size reads as 0, so -1 is "too many for lookups")
          const byRegion = await unitsQuadrant(t.db, { ...opts, lookupUpTo: -1, live: true });
          const byPath = await unitsQuadrant(t.db, { ...opts, lookupUpTo: -1, byPath: true });
          // (the service reads the rollup only where subtree_scores says there are more units than binAbove: asked directly here)
          const fromRollup = (await quadrantFromRollup(t.db, opts)) ?? (await unitsQuadrant(t.db, opts));
          expect(byKey.total).toBeGreaterThan(small.binAbove);
          expect(byRegion).toEqual(byKey);
          expect(byPath).toEqual(byKey);
          expect(fromRollup).toEqual(byKey);
          expect((await quadrantFromRollup(t.db, opts)) !== null).toBe(byKey.binned);
        }
      }
    }
  });

  it("puts a score in the same cell in SQL as in TypeScript", async () => {
    const rnd = lcg(3);
    const scores = [0, 1.9999999, 2, 49.99, 50, 98, 99.99, 100, ...Array.from({ length: 200 }, () => Math.round(rnd() * 10000) / 100)];
    for (const cell of [2, 5]) {
      const values = sql.join(
        scores.map((s, i) => sql`(${i}::int, ${s}::float8)`),
        sql`, `,
      );
      const rows = await queryRows<{ i: number; bin: number }>(
        t.db,
        sql`select i, ${binSql(sql`s`, cell)} as bin from (values ${values}) v(i, s) order by i`,
      );
      expect(rows.map((r) => Number(r.bin))).toEqual(scores.map((s) => binOf(s, cell)));
    }
  });
});
