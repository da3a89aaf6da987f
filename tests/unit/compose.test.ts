import { describe, expect, it } from "vitest";
import { scoreReport, weightedMean, type ScoredIndicator } from "~/lib/scoring/compose";

const catalogue: ScoredIndicator[] = [
  { code: "a", categoryCode: "leadership", kind: "count", direction: "higher", target: 2, weight: 1 },
  { code: "b", categoryCode: "leadership", kind: "rate", direction: "higher", target: 100, weight: 3 },
  { code: "c", categoryCode: "vanguard", kind: "boolean", direction: "higher", target: 1, weight: 1 },
  { code: "d", categoryCode: "methods", kind: "count", direction: "lower", target: 0, weight: 1 },
];

describe("weightedMean", () => {
  it("weights scores and skips missing ones instead of counting them as zero", () => {
    expect(
      weightedMean([
        { score: 100, weight: 1 },
        { score: 0, weight: 3 },
      ]),
    ).toBe(25);
    expect(
      weightedMean([
        { score: 80, weight: 1 },
        { score: null, weight: 5 },
      ]),
    ).toBe(80);
    expect(weightedMean([{ score: null, weight: 1 }])).toBeNull();
    expect(weightedMean([{ score: 50, weight: 0 }])).toBeNull();
  });
});

describe("scoreReport", () => {
  it("computes indicator, category and composite scores with weights", () => {
    const s = scoreReport(catalogue, { leadership: 2, vanguard: 1, methods: 1 }, { a: 1, b: 100, c: 0, d: 1 });
    expect(s.indicators).toEqual({ a: 50, b: 100, c: 0, d: 50 });
    expect(s.categories.leadership).toBeCloseTo((50 * 1 + 100 * 3) / 4); // 87.5
    expect(s.categories.vanguard).toBe(0);
    expect(s.categories.methods).toBe(50);
    expect(s.composite).toBeCloseTo((87.5 * 2 + 0 + 50) / 4); // 56.25
  });

  it("leaves a category without values out of the composite", () => {
    const s = scoreReport(catalogue, { leadership: 1, vanguard: 1, methods: 1 }, { a: 2 });
    expect(s.categories.vanguard).toBeNull();
    expect(s.categories.methods).toBeNull();
    expect(s.composite).toBe(100);
  });

  it("returns a null composite for an empty report", () => {
    expect(scoreReport(catalogue, { leadership: 1 }, {}).composite).toBeNull();
  });

  it("ignores categories whose weight is zero", () => {
    const s = scoreReport(catalogue, { leadership: 1, vanguard: 0 }, { a: 2, c: 0 });
    expect(s.composite).toBe(100);
  });
});
