import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "~/db/client";
import { unitScores, type Unit } from "~/db/schema";
import { isBusinessOverParty, quadrantThresholds, type QuadrantCutoff } from "~/lib/scoring/quadrant-cutoff";
import { businessOverPartySql, thresholdsSql } from "~/lib/scoring/quadrant-cutoff-sql";
import { scoreRanks } from "~/server/services/review/proposal-queries";
import { callerFor, createActor, createUnit } from "../factories";
import { useTreeDb } from "./test-db";
import { fieldErrorsOf } from "./trpc-expect";

/**
 * The 重业务轻党建 cut-off (admin setting `quadrantCutoff`): one rule in TypeScript (the
 * quadrant) and SQL (the review agenda), equal for the mean and the fixed mode, and followed by
 * both services when the admin changes it.
 */
const t = useTreeDb();
const Q = "2025Q3";
type Caller = ReturnType<typeof callerFor>;
let admin: Caller, leaderA: Caller;
let leaves: Unit[];

// business, composite per leaf of branchA: means 75.0 / 70.0.
const scores: [number, number][] = [
  [95, 55], // widest gap
  [88, 62],
  [80, 69.5],
  [76, 72],
  [70, 80],
  [60, 90],
  [66, 66],
  [65, 65.5],
];

beforeAll(async () => {
  const { root, branchA, leafA1, leafA2 } = t.tree;
  admin = callerFor(t.db, await createActor(t.db, "admin", root));
  leaderA = callerFor(t.db, await createActor(t.db, "leader", branchA));
  leaves = [leafA1, leafA2];
  for (let i = 3; i <= scores.length; i++) leaves.push(await createUnit(t.db, { name: `A局第${i}党支部`, parent: branchA }));
  for (const [i, [business, composite]] of scores.entries()) {
    await t.db.insert(unitScores).values([
      { unitId: leaves[i]!.id, quarter: Q, series: "composite", regionId: branchA.id, status: "approved", score: composite },
      { unitId: leaves[i]!.id, quarter: Q, series: "business", regionId: branchA.id, status: "approved", score: business },
    ]);
  }
});

/** A deterministic pseudo-random sequence (no flaky property test). */
function* lcg(seed: number) {
  let s = seed;
  for (;;) {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    yield s / 2 ** 31;
  }
}

describe("the 重业务轻党建 rule in TypeScript and SQL", () => {
  it("flags the same units under the mean and fixed cut-offs, for many point sets (ties on the lines included)", async () => {
    const rnd = lcg(42);
    const next = () => Math.round(rnd.next().value! * 1000) / 10;
    const cutoffs: QuadrantCutoff[] = [
      { mode: "mean" },
      { mode: "fixed", business: 80, party: 70 },
      { mode: "fixed", business: 50.5, party: 60 },
    ];
    for (let set = 0; set < 40; set++) {
      const points = Array.from({ length: 2 + (set % 9) }, (_, id) => ({ id, business: next(), party: next() }));
      if (set % 4 === 0) points.push({ id: 99, business: 80, party: 70 }); // exactly on the fixed lines
      const values = sql.join(
        points.map((p) => sql`(${p.id}::int, ${p.business}::float8, ${p.party}::float8)`),
        sql`, `,
      );
      for (const cutoff of cutoffs) {
        const lines = thresholdsSql(cutoff, { business: sql`avg(b) over ()`, party: sql`avg(c) over ()` });
        const rows = await queryRows<{ id: number; flagged: boolean }>(
          t.db,
          sql`with p(id, b, c) as (values ${values}),
                   l as (select id, b, c, ${lines.business} as lb, ${lines.party} as lc from p)
              select id, ${businessOverPartySql(sql`b`, sql`c`, { business: sql`lb`, party: sql`lc` })} as flagged from l order by id`,
        );
        const th = quadrantThresholds(points, cutoff);
        const want = points
          .filter((p) => isBusinessOverParty(p, th))
          .map((p) => p.id)
          .sort((a, b) => a - b);
        expect(
          rows.filter((r) => r.flagged).map((r) => Number(r.id)),
          `${cutoff.mode} set ${set}`,
        ).toEqual(want);
      }
    }
  });
});

describe("dashboard.quadrant and review.propose follow the admin's cut-off", () => {
  const flaggedNames = async () =>
    (await leaderA.dashboard.quadrant({ unitId: t.tree.branchA.id, quarter: Q, level: "units" })).flagged.map((p) => p.name);
  const proposedNames = async () => {
    const p = await leaderA.review.propose({ unitId: t.tree.branchA.id, quarter: Q });
    return p.items
      .flatMap((i) =>
        i.reasons
          .filter((r) => r.code === "business_over_party")
          .map((r) => ({ name: i.unitName, gap: (r.evidence as { gap: number }).gap })),
      )
      .sort((a, b) => b.gap - a.gap)
      .map((x) => x.name);
  };

  it("divides at the means by default, and says so", async () => {
    const q = await leaderA.dashboard.quadrant({ unitId: t.tree.branchA.id, quarter: Q, level: "units" });
    expect(q.thresholds).toEqual({ mode: "mean", business: 75, party: 70 });
    expect(q.flagged.map((p) => p.name)).toEqual([leaves[0]!.name, leaves[1]!.name, leaves[2]!.name]);
    expect(await proposedNames()).toEqual(await flaggedNames());
    const p = await leaderA.review.propose({ unitId: t.tree.branchA.id, quarter: Q });
    expect(p).toMatchObject({ cutoff: "mean", meanBusiness: 75, meanComposite: 70 });
  });

  it("divides at the admin's fixed thresholds once saved, in the quadrant and the agenda alike", async () => {
    await admin.settings.update({ key: "quadrantCutoff", value: { mode: "fixed", business: 65, party: 66 }, version: 0 });
    const q = await leaderA.dashboard.quadrant({ unitId: t.tree.branchA.id, quarter: Q, level: "units" });
    expect(q.thresholds).toEqual({ mode: "fixed", business: 65, party: 66 });
    // 66/66 sits on the Party-building line (not below it); 65/65.5 sits on the business line.
    expect(q.flagged.map((p) => p.name)).toEqual([leaves[0]!.name, leaves[1]!.name, leaves[7]!.name]);
    expect(await proposedNames()).toEqual(await flaggedNames());
    const reason = (await leaderA.review.propose({ unitId: t.tree.branchA.id, quarter: Q })).items
      .flatMap((i) => i.reasons)
      .find((r) => r.code === "business_over_party");
    expect(reason?.evidence).toMatchObject({ cutoff: "fixed", meanBusiness: 65, meanComposite: 66 });
    const ranks = await scoreRanks(t.db, t.tree.branchA, Q, "approved", { mode: "fixed", business: 65, party: 66 });
    expect(ranks.filter((r) => r.gap_rank !== null).length).toBe(3);
  });

  it("refuses thresholds outside 0–100 naming the field, and keeps the saved cut-off", async () => {
    const errors = await fieldErrorsOf(
      admin.settings.update({ key: "quadrantCutoff", value: { mode: "fixed", business: 80, party: 120 }, version: 1 }),
    );
    expect(errors["value.party"]).toContain("不能大于 100");
    const q = await leaderA.dashboard.quadrant({ unitId: t.tree.branchA.id, quarter: Q, level: "units" });
    expect(q.thresholds.mode).toBe("fixed");
    await admin.settings.update({ key: "quadrantCutoff", value: { mode: "mean" }, version: 1 });
    expect((await leaderA.dashboard.quadrant({ unitId: t.tree.branchA.id, quarter: Q, level: "units" })).thresholds.mode).toBe("mean");
  });
});
