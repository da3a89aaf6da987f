import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bandAtRank, combinedScore, rankBy, simulateWeights, type BandRules, type SimInput } from "~/lib/assessment/simulate";
import { grades } from "~/lib/codes";

const rules: BandRules = { quotas: { good: 0.2, fairlyGood: null }, thresholds: { good: 90, fairlyGood: 80, average: 60 } };

const score = fc.double({ min: 0, max: 100, noNaN: true });
const unitsArb = fc
  .uniqueArray(fc.integer({ min: 1, max: 10_000 }), { minLength: 1, maxLength: 60 })
  .chain((ids) => fc.tuple(...ids.map((id) => fc.record({ unitId: fc.constant(id), business: score, party: score }))));
const weight = fc.integer({ min: 0, max: 20 }).map((k) => k / 20);

/** The ids in order of a score, best first, ties by id — the naive ranking. */
const orderBy = (units: readonly SimInput[], s: (u: SimInput) => number) =>
  [...units].sort((a, b) => s(b) - s(a) || a.unitId - b.unitId).map((u) => u.unitId);

describe("simulateWeights", () => {
  it("ranks by Party building alone at w = 1 and by business alone at w = 0", () => {
    fc.assert(
      fc.property(unitsArb, (units) => {
        const rows = simulateWeights(units, 0, 1, rules);
        const byRankNow = [...rows].sort((a, b) => a.rankNow - b.rankNow).map((r) => r.unitId);
        const byRankAt = [...rows].sort((a, b) => a.rankAt - b.rankAt).map((r) => r.unitId);
        expect(byRankNow).toEqual(orderBy(units, (u) => u.business));
        expect(byRankAt).toEqual(orderBy(units, (u) => u.party));
      }),
    );
  });

  it("gives ranks that are a permutation of 1..n, at both weights", () => {
    fc.assert(
      fc.property(unitsArb, weight, weight, (units, now, at) => {
        const rows = simulateWeights(units, now, at, rules);
        const all = Array.from({ length: units.length }, (_, i) => i + 1);
        expect(rows.map((r) => r.rankNow).sort((a, b) => a - b)).toEqual(all);
        expect(rows.map((r) => r.rankAt).sort((a, b) => a - b)).toEqual(all);
      }),
    );
  });

  it("never puts more units in the 好 band than the quota allows", () => {
    fc.assert(
      fc.property(unitsArb, weight, (units, at) => {
        const rows = simulateWeights(units, 0.3, at, rules);
        expect(rows.filter((r) => r.bandAt === "good").length).toBe(Math.floor(0.2 * units.length + 1e-9));
      }),
    );
  });

  it("changes nothing when the chosen weight is the adopted one", () => {
    fc.assert(
      fc.property(unitsArb, weight, (units, w) => {
        for (const r of simulateWeights(units, w, w, rules)) {
          expect(r.rankAt).toBe(r.rankNow);
          expect(r.bandAt).toBe(r.bandNow);
        }
      }),
    );
  });

  it("moves a unit strong in Party building and weak in business up when the weight rises", () => {
    const units = [
      { unitId: 1, business: 95, party: 60 },
      { unitId: 2, business: 70, party: 95 },
      { unitId: 3, business: 80, party: 80 },
    ];
    const rows = simulateWeights(units, 0.3, 0.7, rules);
    const two = rows.find((r) => r.unitId === 2)!;
    expect(two.rankNow).toBe(3);
    expect(two.rankAt).toBe(1);
    expect(two.combinedNow).toBeCloseTo(0.3 * 95 + 0.7 * 70);
    expect(two.combinedAt).toBeCloseTo(combinedScore(two, 0.7));
  });
});

describe("bandAtRank", () => {
  it("bands by the 好 quota first, then by the thresholds capped at 较好", () => {
    expect(bandAtRank(1, 10, 50, rules)).toBe("good");
    expect(bandAtRank(2, 10, 50, rules)).toBe("good");
    expect(bandAtRank(3, 10, 99, rules)).toBe("fairly_good");
    expect(bandAtRank(3, 10, 70, rules)).toBe("average");
    expect(bandAtRank(3, 10, 59.9, rules)).toBe("poor");
  });

  it("uses the 较好 quota by rank when the cycle sets one", () => {
    const withFairly: BandRules = { ...rules, quotas: { good: 0.2, fairlyGood: 0.3 } };
    expect(bandAtRank(5, 10, 50, withFairly)).toBe("fairly_good");
    expect(bandAtRank(6, 10, 99, withFairly)).toBe("average");
    expect(bandAtRank(6, 10, 10, withFairly)).toBe("poor");
  });

  it("returns a grade for any rank", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100 }), score, (n, s) => {
        expect(grades).toContain(bandAtRank(n, 100, s, rules));
      }),
    );
  });
});

describe("rankBy", () => {
  it("breaks ties by unit id", () => {
    const ranks = rankBy(
      [
        { unitId: 9, s: 1 },
        { unitId: 3, s: 1 },
      ],
      (u) => u.s,
    );
    expect(ranks.get(3)).toBe(1);
    expect(ranks.get(9)).toBe(2);
  });
});
