import { beforeAll, describe, expect, it } from "vitest";
import { categoryWeights, indicators, indicatorVersions, reportValues, reports } from "~/db/schema";
import { effectiveCategories, effectiveIndicators } from "~/server/services/catalogue/effective";
import { scoreReport } from "~/lib/scoring/compose";
import { starterIndicators } from "~/scripts/seed/catalogue";
import { rebuildRollups } from "~/server/services/rollup/rebuild";
import { callerFor, createActor, createUnit } from "../factories";
import { useTreeDb } from "./test-db";

const t = useTreeDb();
const quarters = ["2025Q4", "2026Q1", "2026Q2", "2026Q3"];

/** Deterministic pseudo-random numbers (mulberry32), so a failure can be replayed. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

type Stored = { unitId: number; quarter: string; values: Record<string, number> };
const stored: Stored[] = [];

beforeAll(async () => {
  const tree = t.tree;
  // Unequal category weights, so the composite really is a weighted mean, and rules that
  // change inside the range, so each quarter must be scored with the version then in force.
  await t.db.insert(categoryWeights).values([
    { categoryCode: "leadership", validFrom: "2026Q1", weight: 3 },
    { categoryCode: "methods", validFrom: "2026Q3", weight: 0.5 },
  ]);
  await t.db.insert(indicatorVersions).values([
    { indicatorCode: "V1_attendance_rate", validFrom: "2026Q2", direction: "higher", target: 60, weight: 5, required: true },
    { indicatorCode: "L1_topic_meetings", validFrom: "2026Q1", direction: "higher", target: 3, weight: 0, required: true },
  ]);
  const catalogue = await t.db.select().from(indicators);
  const random = rng(42);
  const all = [tree.root, tree.branchA, tree.leafA1, tree.leafA2, tree.branchB, tree.leafB1];
  for (const unit of all) {
    for (const quarter of quarters) {
      if (random() < 0.15) continue; // some units did not report some quarters
      const values: Record<string, number> = {};
      for (const ind of catalogue) {
        if (random() < 0.2) continue; // missing values
        values[ind.code] =
          ind.kind === "boolean"
            ? random() < 0.5
              ? 0
              : 1
            : ind.kind === "count"
              ? Math.floor(random() * 5)
              : Math.round(random() * 1000) / 10;
      }
      const [r] = await t.db.insert(reports).values({ unitId: unit.id, quarter, status: "approved" }).returning();
      const rows = Object.entries(values).map(([indicatorCode, value]) => ({ reportId: r!.id, indicatorCode, value }));
      if (rows.length) await t.db.insert(reportValues).values(rows);
      stored.push({ unitId: unit.id, quarter, values });
    }
  }
  // Reports were inserted directly, not through the workflow: build the analytics from them.
  await rebuildRollups(t.db);
});

async function expectedTrend(unitIds: number[]) {
  const rules = new Map<string, [Awaited<ReturnType<typeof effectiveIndicators>>, Record<string, number>]>();
  for (const q of quarters) {
    const weights = Object.fromEntries((await effectiveCategories(t.db, q)).map((c) => [c.code, c.weight]));
    rules.set(q, [await effectiveIndicators(t.db, q), weights]);
  }
  return quarters.map((quarter) => {
    const [catalogue, weights] = rules.get(quarter)!;
    const scores = stored
      .filter((s) => s.quarter === quarter && unitIds.includes(s.unitId))
      .map((s) => scoreReport(catalogue, weights, s.values))
      .filter((s) => s.composite !== null);
    const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
    return {
      quarter,
      composite: mean(scores.map((s) => s.composite!)),
      leadership: mean(scores.map((s) => s.categories.leadership).filter((x): x is number => x != null)),
      unitCount: scores.length,
    };
  });
}

/** Every required typed-in indicator at its worst: a report that pulls the means down. */
const poorValues = starterIndicators
  .filter((i) => i.required && i.source !== "meetings")
  .map((i) => ({ indicatorCode: i.code, value: i.direction === "lower" ? 100 : 0 }));

describe("dashboard.overview", () => {
  it("computes, in SQL, the same scores as the TypeScript scoring rules (root subtree)", async () => {
    const admin = callerFor(t.db, await createActor(t.db, "admin", t.tree.root));
    const res = await admin.dashboard.overview({ unitId: t.tree.root.id, from: "2025Q4", to: "2026Q3" });
    const want = await expectedTrend(
      [t.tree.root, t.tree.branchA, t.tree.leafA1, t.tree.leafA2, t.tree.branchB, t.tree.leafB1].map((u) => u.id),
    );
    expect(res.trend.map((p) => p.quarter)).toEqual(quarters);
    res.trend.forEach((p, i) => {
      expect(p.unitCount).toBe(want[i]!.unitCount);
      expect(p.composite).toBeCloseTo(want[i]!.composite!, 9);
      expect(p.categories.leadership).toBeCloseTo(want[i]!.leadership!, 9);
    });
    expect(res.latest?.quarter).toBe("2026Q3");
  });

  it("limits a subtree to its own units", async () => {
    const leader = callerFor(t.db, await createActor(t.db, "leader", t.tree.branchA));
    const res = await leader.dashboard.overview({ unitId: t.tree.branchA.id, from: "2025Q4", to: "2026Q3" });
    const want = await expectedTrend([t.tree.branchA.id, t.tree.leafA1.id, t.tree.leafA2.id]);
    res.trend.forEach((p, i) => expect(p.composite ?? null).toBeCloseTo(want[i]!.composite ?? Number.NaN, 9));
  });

  it("shows staff their own unit only, not the units below it", async () => {
    const staff = callerFor(t.db, await createActor(t.db, "staff", t.tree.branchA));
    const res = await staff.dashboard.overview({ unitId: t.tree.branchA.id, from: "2025Q4", to: "2026Q3" });
    const want = await expectedTrend([t.tree.branchA.id]);
    res.trend.forEach((p, i) => {
      expect(p.unitCount).toBe(want[i]!.unitCount);
      if (want[i]!.composite !== null) expect(p.composite).toBeCloseTo(want[i]!.composite, 9);
    });
  });

  it("counts a report only once submitted (with the switch) or approved (by default), and drops it when reopened", async () => {
    const newUnit = await createUnit(t.db, { name: "新党支部", parent: t.tree.branchB });
    const staff = callerFor(t.db, await createActor(t.db, "staff", newUnit));
    const admin = callerFor(t.db, await createActor(t.db, "admin", t.tree.root));
    const reviewer = callerFor(t.db, await createActor(t.db, "reviewer", t.tree.root));
    const q = { unitId: t.tree.root.id, from: "2026Q3", to: "2026Q3" };
    const read = async (include: "approved" | "submitted") => (await admin.dashboard.overview({ ...q, include })).trend[0]!;
    const before = await read("approved");
    const key = { unitId: newUnit.id, quarter: "2026Q3" };
    const { version } = await staff.report.save({ ...key, version: 0, businessScore: 95, values: poorValues });
    expect(await read("submitted")).toEqual(before); // a draft never counts
    await staff.report.submit({ ...key, version });
    expect((await read("approved")).unitCount).toBe(before.unitCount);
    const withSubmitted = await read("submitted");
    expect(withSubmitted.unitCount).toBe(before.unitCount + 1);
    expect(withSubmitted.composite).toBeLessThan(before.composite!);
    await reviewer.report.approve(key);
    const approved = await read("approved");
    expect(approved.unitCount).toBe(before.unitCount + 1);
    expect(approved.composite).toBeCloseTo(withSubmitted.composite!, 9);
    await admin.report.reopen({ ...key, reason: "数据有误" });
    expect(await read("approved")).toEqual(before);
  });

  it("refuses a reversed or too long range", async () => {
    const admin = callerFor(t.db, await createActor(t.db, "admin", t.tree.root));
    await expect(admin.dashboard.overview({ unitId: t.tree.root.id, from: "2026Q3", to: "2026Q1" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(admin.dashboard.overview({ unitId: t.tree.root.id, from: "2000Q1", to: "2026Q1" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });
});
