import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { gradeCohort, quotaCount, scoreUnit, type GradeInputs } from "~/lib/assessment/grade";
import { dutyReportsDue } from "~/lib/assessment/cycle-status";
import { defaultCycleRules, type CycleRules } from "~/lib/assessment/rules";
import { quartersEnded } from "~/server/services/assessment/grade-inputs";
import { caseForms, caseSubjects, grades, inspectionResults, vetoCodes, type Grade } from "~/lib/codes";

const rank = (g: Grade) => grades.indexOf(g);
const base = defaultCycleRules(2025);

const score = fc.double({ min: 0, max: 100, noNaN: true });
const ballots = fc.record({ good: fc.nat(40), fairlyGood: fc.nat(40), average: fc.nat(40), poor: fc.nat(40) });
const inputsArb = (unitId: fc.Arbitrary<number> = fc.nat(100_000)): fc.Arbitrary<GradeInputs> =>
  fc.record({
    unitId,
    quarterly: fc.array(fc.option(score, { nil: null }), { minLength: 4, maxLength: 4 }),
    appraisal: fc.option(ballots, { nil: null }),
    inspections: fc.array(fc.constantFrom(...inspectionResults), { maxLength: 4 }),
    cases: fc.array(fc.record({ form: fc.constantFrom(...caseForms), subject: fc.constantFrom(...caseSubjects) }), { maxLength: 3 }),
    dutyReport: fc.constantFrom("missing", "submitted", "copied"),
  });

/** Rules with random weights (adding up to 1), quotas, thresholds and caps. */
const rulesArb: fc.Arbitrary<CycleRules> = fc
  .record({
    w: fc.tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 })),
    good: fc.double({ min: 0, max: 1, noNaN: true }),
    fairlyGood: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
    t: fc.uniqueArray(fc.integer({ min: 1, max: 99 }), { minLength: 3, maxLength: 3 }),
    caps: fc.array(fc.constantFrom(...grades), { minLength: vetoCodes.length, maxLength: vetoCodes.length }),
  })
  .map(({ w, good, fairlyGood, t, caps }) => {
    const sum = w[0] + w[1] + w[2] || 1;
    const [g, f, a] = [...t].sort((x, y) => y - x) as [number, number, number];
    return {
      ...base,
      weights: { quarterly: w[0] / sum, appraisal: w[1] / sum, inspections: w[2] / sum },
      quotas: { good, fairlyGood },
      thresholds: { good: g, fairlyGood: f, average: a },
      vetoes: vetoCodes.map((code, i) => ({ code, cap: caps[i]! })),
    };
  });

describe("scoreUnit: raising any input never lowers the score", () => {
  it("raising a quarterly composite (or adding a missing one)", () => {
    fc.assert(
      fc.property(inputsArb(), rulesArb, fc.nat(3), fc.double({ min: 0, max: 100, noNaN: true }), (u, rules, q, delta) => {
        const raised = [...u.quarterly];
        raised[q] = Math.min(100, (raised[q] ?? 0) + delta);
        expect(scoreUnit({ ...u, quarterly: raised }, rules).score).toBeGreaterThanOrEqual(scoreUnit(u, rules).score);
      }),
    );
  });

  it("moving one ballot to a better box", () => {
    const boxes = ["poor", "average", "fairlyGood", "good"] as const;
    fc.assert(
      fc.property(inputsArb(), ballots, rulesArb, fc.nat(2), (u, a, rules, from) => {
        const src = boxes[from]!;
        fc.pre(a[src] > 0);
        const moved = { ...a, [src]: a[src] - 1, [boxes[from + 1]!]: a[boxes[from + 1]!] + 1 };
        expect(scoreUnit({ ...u, appraisal: moved }, rules).score).toBeGreaterThanOrEqual(scoreUnit({ ...u, appraisal: a }, rules).score);
      }),
    );
  });

  it("improving an inspection result", () => {
    fc.assert(
      fc.property(inputsArb(), rulesArb, fc.nat(10), (u, rules, pick) => {
        fc.pre(u.inspections.length > 0);
        const i = pick % u.inspections.length;
        const better = u.inspections[i] === "fail" ? "basic" : "pass";
        const improved = u.inspections.map((r, j) => (j === i ? better : r));
        expect(scoreUnit({ ...u, inspections: improved }, rules).score).toBeGreaterThanOrEqual(scoreUnit(u, rules).score);
      }),
    );
  });
});

describe("gradeCohort", () => {
  const cohortArb = fc.uniqueArray(inputsArb(), { minLength: 1, maxLength: 60, selector: (u) => u.unitId });

  it("a tripped veto always caps the grade", () => {
    fc.assert(
      fc.property(cohortArb, rulesArb, (all, rules) => {
        for (const r of gradeCohort(all, rules)) {
          for (const v of r.breakdown.vetoes) expect(rank(r.computed)).toBeGreaterThanOrEqual(rank(v.cap));
          expect(rank(r.computed)).toBeGreaterThanOrEqual(rank(r.breakdown.band));
        }
      }),
    );
  });

  it("never gives more 好 (or 较好, when its quota is set) than the quota allows", () => {
    fc.assert(
      fc.property(cohortArb, rulesArb, (all, rules) => {
        const out = gradeCohort(all, rules);
        const count = (g: Grade) => out.filter((r) => r.computed === g).length;
        expect(count("good")).toBeLessThanOrEqual(quotaCount(rules.quotas.good, all.length));
        if (rules.quotas.fairlyGood != null)
          expect(count("fairly_good")).toBeLessThanOrEqual(quotaCount(rules.quotas.fairlyGood, all.length));
      }),
    );
  });

  it("ranks consistently with the scores, and the best scores keep 好 first", () => {
    fc.assert(
      fc.property(cohortArb, rulesArb, (all, rules) => {
        const out = gradeCohort(all, rules).sort((a, b) => a.breakdown.quota!.rank - b.breakdown.quota!.rank);
        expect(out.map((r) => r.breakdown.quota!.rank)).toEqual(out.map((_, i) => i + 1));
        for (let i = 1; i < out.length; i++) expect(out[i - 1]!.score).toBeGreaterThanOrEqual(out[i]!.score);
        // A unit moved down from 好 by the quota never ranks above one that kept it.
        const lastKept = out.map((r) => r.computed).lastIndexOf("good");
        const firstMoved = out.findIndex((r) => r.breakdown.quota!.movedDown && r.breakdown.capped === "good");
        if (lastKept >= 0 && firstMoved >= 0) expect(firstMoved).toBeGreaterThan(lastKept);
      }),
    );
  });
});

describe("examples", () => {
  const unit = (over: Partial<GradeInputs>): GradeInputs => ({
    unitId: 1,
    quarterly: [90, 92, 94, 96],
    appraisal: null,
    inspections: [],
    cases: [],
    dutyReport: "submitted",
    ...over,
  });

  it("scores a running year on its ended quarters only: a quarter not yet due neither counts 0 nor moves the score", () => {
    const running = scoreUnit(unit({ quarterly: [80, 82, 84, null], quartersDue: 3 }), base);
    expect(running.breakdown.parts[0]!.score).toBe(82);
    expect(running.breakdown.quartersDue).toBe(3);
    expect(scoreUnit(unit({ quarterly: [80, 82, 84, 10], quartersDue: 3 }), base).score).toBe(running.score);
    // A finished year counts a quarter without an approved report as 0.
    expect(scoreUnit(unit({ quarterly: [80, 82, 84, null] }), base).breakdown.parts[0]!.score).toBe(61.5);
  });

  it("leaves a quarter awaiting review (待审核) out of the average instead of counting it 0", () => {
    const waiting = scoreUnit(
      unit({ quarterly: [80, 84, null, null], quartersDue: 3, pendingQuarters: [false, false, true, false] }),
      base,
    );
    expect(waiting.breakdown.parts[0]!.score).toBe(82);
    expect(waiting.breakdown.pendingQuarters).toEqual([false, false, true, false]);
    // Without the flag the same quarter is missing and counts 0.
    expect(scoreUnit(unit({ quarterly: [80, 84, null, null], quartersDue: 3 }), base).breakdown.parts[0]!.score).toBe(54.67);
    // An approved quarter is counted whatever the flag says; every ended quarter waiting: no quarterly part.
    expect(
      scoreUnit(unit({ quarterly: [80, 84, 90, null], quartersDue: 3, pendingQuarters: [false, false, true, false] }), base).breakdown
        .parts[0]!.score,
    ).toBe(84.67);
    const allWaiting = scoreUnit(
      unit({
        quarterly: [null, null, null, null],
        quartersDue: 2,
        pendingQuarters: [true, true, false, false],
        appraisal: { good: 10, fairlyGood: 0, average: 0, poor: 0 },
      }),
      base,
    );
    expect(allWaiting.breakdown.parts[0]!.score).toBeNull();
    expect(allWaiting.score).toBe(100);
  });

  it("does not veto a missing duty report before it is due", () => {
    const early = scoreUnit(unit({ dutyReport: "missing", dutyReportDue: false }), base);
    expect(early.breakdown.vetoes).toEqual([]);
    expect(early.computed).toBe("good");
    expect(early.breakdown.dutyReportNotDue).toBe(true);
    expect(scoreUnit(unit({ dutyReport: "missing", dutyReportDue: true }), base).computed).toBe("average");
    const rules = { status: "open" as const, rules: { dutyReportDeadline: "2027-01-20" } };
    expect(dutyReportsDue(rules, "2027-01-20")).toBe(false);
    expect(dutyReportsDue(rules, "2027-01-21")).toBe(true);
    expect(dutyReportsDue({ ...rules, status: "rating" }, "2026-12-06")).toBe(true);
  });

  it("counts the ended quarters of a year in Beijing time", () => {
    expect(quartersEnded(2025, new Date("2026-12-06T04:00:00Z"))).toBe(4);
    expect(quartersEnded(2026, new Date("2026-12-06T04:00:00Z"))).toBe(3);
    expect(quartersEnded(2026, new Date("2026-09-30T17:00:00Z"))).toBe(3); // 1 October in Beijing
    expect(quartersEnded(2026, new Date("2026-02-01T04:00:00Z"))).toBe(1);
  });

  it("weights the parts a unit has and gives the missing ones' weight to the others", () => {
    const r = scoreUnit(unit({ appraisal: { good: 8, fairlyGood: 2, average: 0, poor: 0 } }), base);
    // quarterly 93 × 0.6/0.9 + appraisal 96 × 0.3/0.9 = 94
    expect(r.score).toBe(94);
    expect(r.breakdown.parts.map((p) => [p.part, p.effectiveWeight])).toEqual([
      ["quarterly", 0.67],
      ["appraisal", 0.33],
      ["inspections", 0],
    ]);
    expect(r.computed).toBe("good");
  });

  it("deducts decided cases and applies the vetoes they trip", () => {
    const r = scoreUnit(unit({ cases: [{ form: "admonition", subject: "secretary" }] }), base);
    expect(r.score).toBe(87);
    expect(r.breakdown.vetoes).toEqual([{ code: "secretary_admonition", cap: "fairly_good" }]);
    expect(scoreUnit(unit({ dutyReport: "missing" }), base).computed).toBe("average");
    expect(scoreUnit(unit({ inspections: ["pass", "fail"] }), base).breakdown.vetoes.map((v) => v.code)).toEqual(["inspection_failed"]);
  });

  it("keeps floor(0.2 × 10) = 2 units at 好 and moves the third down", () => {
    const all = Array.from({ length: 10 }, (_, i) => unit({ unitId: i + 1, quarterly: [99 - i, 99 - i, 99 - i, 99 - i] }));
    const out = gradeCohort(all, base);
    expect(out.filter((r) => r.computed === "good").map((r) => r.unitId)).toEqual([1, 2]);
    expect(out[2]!.breakdown.quota).toMatchObject({ rank: 3, of: 10, allowedGood: 2, movedDown: true });
    expect(out[2]!.computed).toBe("fairly_good");
  });
});
