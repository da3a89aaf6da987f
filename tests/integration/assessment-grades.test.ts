import { and, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "~/db/client";
import { appraisals, assessmentGrades, cases, dutyReports, inspections, unitScores, units, type Unit } from "~/db/schema";
import { gradeCohort, type GradeInputs } from "~/lib/assessment/grade";
import { defaultCycleRules } from "~/lib/assessment/rules";
import { createActor } from "../factories";
import { callersOn, useTreeDb, usualCast, type Caller } from "./test-db";
import { auditRows, fieldErrorsOf, outcomeOf, trpcError } from "./trpc-expect";

const YEAR = 2025;
const rulesInput = {
  year: YEAR,
  quotas: { good: 0.2 },
  weights: { quarterly: 0.6, appraisal: 0.3, inspections: 0.1 },
  partyWeight: 0.3,
  // Every duty report counted as written: the test tree has none.
  vetoes: defaultCycleRules(YEAR).vetoes.filter((v) => v.code !== "duty_report_missing"),
};

/** The cycle's inputs the naive way: one plain query per unit and table. */
async function naiveInputs(db: Db): Promise<GradeInputs[]> {
  const graded = (await db.select().from(units)).filter((u) => u.parentId !== null && u.active);
  const out: GradeInputs[] = [];
  for (const u of graded) {
    const scores = await db
      .select()
      .from(unitScores)
      .where(and(eq(unitScores.unitId, u.id), eq(unitScores.series, "composite"), eq(unitScores.status, "approved")));
    const quarterly = [1, 2, 3, 4].map((q) => scores.find((s) => s.quarter === `${YEAR}Q${q}`)?.score ?? null);
    const [a] = await db
      .select()
      .from(appraisals)
      .where(and(eq(appraisals.unitId, u.id), eq(appraisals.year, YEAR)));
    const ins = (await db.select().from(inspections).where(eq(inspections.unitId, u.id))).filter(
      (i) => i.subject === "secretary" && !i.withdrawnAt && i.inspectedOn.startsWith(`${YEAR}-`),
    );
    const cs = (await db.select().from(cases).where(eq(cases.unitId, u.id))).filter(
      (c) =>
        c.quarter.startsWith(`${YEAR}Q`) &&
        ["decided", "rectifying", "closed"].includes(c.status) &&
        ["organisation", "secretary"].includes(c.subject),
    );
    const [d] = await db
      .select()
      .from(dutyReports)
      .where(and(eq(dutyReports.unitId, u.id), eq(dutyReports.year, YEAR)));
    out.push({
      unitId: u.id,
      quarterly,
      appraisal: a ? { good: a.good, fairlyGood: a.fairlyGood, average: a.average, poor: a.poor } : null,
      inspections: ins.sort((x, y) => x.inspectedOn.localeCompare(y.inspectedOn) || x.id - y.id).map((i) => i.result),
      cases: cs.sort((x, y) => x.id - y.id).map((c) => ({ form: c.form, subject: c.subject })),
      dutyReport: !d || (d.status !== "submitted" && d.status !== "accepted") ? "missing" : d.copiedFromId ? "copied" : "submitted",
    });
  }
  return out;
}

describe("the annual cycle and its grades", () => {
  const t = useTreeDb();
  let c: Record<keyof typeof usualCast, Caller>;
  let tree: Record<string, Unit>;

  beforeAll(async () => {
    c = await callersOn(t, usualCast);
    tree = t.tree;
    const composite = (u: Unit, score: number) =>
      [1, 2, 3, 4].map((q) => ({
        unitId: u.id,
        quarter: `${YEAR}Q${q}`,
        series: "composite",
        regionId: u.id,
        status: "approved" as const,
        score,
      }));
    await t.db
      .insert(unitScores)
      .values([
        ...composite(tree.leafA1!, 96),
        ...composite(tree.leafA2!, 94),
        ...composite(tree.branchA!, 85),
        ...composite(tree.branchB!, 70),
        ...composite(tree.leafB1!, 98),
      ]);
    await t.db
      .insert(appraisals)
      .values({ year: YEAR, unitId: tree.branchA!.id, voters: 20, good: 10, fairlyGood: 6, average: 3, poor: 1 });
    const inspector = await createActor(t.db, "reviewer", tree.root!);
    await t.db.insert(inspections).values([
      {
        unitId: tree.branchB!.id,
        inspectedOn: `${YEAR}-06-01`,
        quarter: `${YEAR}Q2`,
        subject: "secretary",
        inspectorId: inspector.id,
        result: "fail",
        findings: "未履行第一责任",
      },
      {
        unitId: tree.leafA2!.id,
        inspectedOn: `${YEAR - 1}-06-01`,
        quarter: `${YEAR - 1}Q2`,
        subject: "secretary",
        inspectorId: inspector.id,
        result: "fail",
        findings: "上一年度",
      },
    ]);
    await t.db.insert(cases).values([
      {
        unitId: tree.leafB1!.id,
        subject: "secretary",
        category: "leadership",
        rootCause: "poor_planning",
        form: "admonition",
        facts: "全年未讲党课",
        status: "decided",
        quarter: `${YEAR}Q3`,
      },
      {
        unitId: tree.leafA1!.id,
        subject: "secretary",
        category: "leadership",
        rootCause: "poor_planning",
        form: "admonition",
        facts: "尚在调查",
        status: "investigating",
        quarter: `${YEAR}Q3`,
      },
    ]);
  });

  it("opens the cycle for admins only, with validated rules", async () => {
    expect(await outcomeOf(c.leaderA.assessment.saveCycle(rulesInput))).toBe("FORBIDDEN");
    const errors = await fieldErrorsOf(
      c.admin.assessment.saveCycle({ ...rulesInput, weights: { quarterly: 0.6, appraisal: 0.3, inspections: 0.3 } }),
    );
    expect(errors.weights).toMatch(/权重之和须为 100%（现为 120%）/);
    const bad = await fieldErrorsOf(
      c.admin.assessment.saveCycle({ ...rulesInput, quotas: { good: 1.5 }, thresholds: { good: 80, fairlyGood: 85, average: 60 } }),
    );
    expect(bad["quotas.good"]).toMatch(/好等次比例须为 0% 到 100% 之间的比例/);
    expect(bad.thresholds).toMatch(/好 > 较好 > 一般/);
    expect(await c.admin.assessment.saveCycle(rulesInput)).toEqual({ year: YEAR, version: 1 });
    expect(await c.admin.assessment.saveCycle({ ...rulesInput, version: 1 })).toEqual({ year: YEAR, version: 2 });
    expect(await outcomeOf(c.admin.assessment.saveCycle({ ...rulesInput, version: 1 }))).toBe("CONFLICT");
    const cycle = await c.staffA1.assessment.cycle({ year: YEAR });
    expect(cycle).toMatchObject({ status: "open", version: 2, rules: { quotas: { good: 0.2, fairlyGood: null } } });
    expect((await c.staffA1.assessment.cycles()).cycles.map((x) => x.year)).toContain(YEAR);
  });

  it("grades the subtree with department-wide quotas, equal to a naive recomputation", async () => {
    const naive = gradeCohort(await naiveInputs(t.db), (await c.admin.assessment.cycle({ year: YEAR })).rules);
    const all = await c.admin.assessment.grades({ year: YEAR, unitId: tree.root!.id });
    expect(all.map((r) => r.unitId).sort()).toEqual(naive.map((r) => r.unitId).sort());
    for (const n of naive) {
      const got = all.find((r) => r.unitId === n.unitId)!;
      expect({ score: got.score, computed: got.computed, breakdown: got.breakdown }).toEqual({
        score: n.score,
        computed: n.computed,
        breakdown: n.breakdown,
      });
    }
    const byUnit = new Map(all.map((r) => [r.unitId, r]));
    expect(byUnit.get(tree.leafA1!.id)!.computed).toBe("good");
    expect(byUnit.get(tree.leafA2!.id)!.breakdown.quota).toMatchObject({ movedDown: true, allowedGood: 1, of: 5 });
    expect(byUnit.get(tree.leafB1!.id)!.breakdown.vetoes.map((v) => v.code)).toEqual(["secretary_admonition"]);
    expect(byUnit.get(tree.branchB!.id)!.computed).toBe("average");
    // A leader sees the subtree below and including their unit; staff their own unit only.
    const mine = await c.leaderA.assessment.grades({ year: YEAR, unitId: tree.branchA!.id });
    expect(mine.map((r) => r.unitName).sort()).toEqual(["A局第一党支部", "A局机关党委", "A局第二党支部"].sort());
    expect((await c.staffA1.assessment.grades({ year: YEAR, unitId: tree.leafA1!.id })).map((r) => r.unitId)).toEqual([tree.leafA1!.id]);
    expect(await outcomeOf(c.staffA1.assessment.grades({ year: YEAR, unitId: tree.branchA!.id }))).toBe("FORBIDDEN");
    const quota = await c.leaderA.assessment.gradeQuota({ year: YEAR, unitId: tree.branchA!.id });
    expect(quota).toMatchObject({ graded: 5, allowedGood: 1, department: { good: 1 }, subtree: { good: 1 }, subtreeUnits: 3 });
  });

  it("sets final grades only while rating, by the level above, within quota and vetoes, with a reason, audited", async () => {
    const first = { year: YEAR, unitId: tree.leafA1!.id, grade: "average" as const, reason: "述职评议意见较多" };
    expect(await outcomeOf(c.leaderA.assessment.setFinalGrade(first))).toBe("PRECONDITION_FAILED"); // still open
    const { version } = await c.admin.assessment.cycle({ year: YEAR });
    expect(await outcomeOf(c.admin.assessment.moveCycle({ year: YEAR, to: "publicised", version }))).toBe("PRECONDITION_FAILED");
    expect(await c.admin.assessment.moveCycle({ year: YEAR, to: "rating", version })).toMatchObject({ status: "rating" });
    // The level above finds the grading in its to-do (评定等次): the units below it still without a final grade.
    expect((await c.leaderA.todo.list()).assessment.toGrade).toEqual([{ year: YEAR, ungraded: 2, units: 2 }]);
    expect((await c.staffA1.todo.list()).assessment.toGrade).toEqual([]);

    expect(await outcomeOf(c.staffA1.assessment.setFinalGrade(first))).toBe("FORBIDDEN");
    expect(await outcomeOf(c.leaderA.assessment.setFinalGrade({ ...first, unitId: tree.branchA!.id }))).toBe("FORBIDDEN"); // never the unit itself
    expect(await outcomeOf(c.leaderA.assessment.setFinalGrade({ ...first, unitId: tree.leafB1!.id }))).toBe("FORBIDDEN");

    const quotaFull = await fieldErrorsOf(
      c.leaderA.assessment.setFinalGrade({ year: YEAR, unitId: tree.leafA2!.id, grade: "good", reason: "表现突出" }),
    );
    expect(quotaFull.grade).toMatch(/“好”等次名额已满：5 个参评单位最多 1 个“好”，已有 1 个/);

    const noReason = await fieldErrorsOf(c.leaderA.assessment.setFinalGrade({ ...first, reason: " " }));
    expect(noReason.reason).toMatch(/与计算等次（好）不同，请填写调整理由/);
    expect(await c.leaderA.assessment.setFinalGrade(first)).toEqual({ final: "average", version: 1 });
    expect((await c.leaderA.todo.list()).assessment.toGrade).toEqual([{ year: YEAR, ungraded: 1, units: 2 }]);
    const [audit] = await auditRows(t.db, "assessment.setFinalGrade", `${YEAR}:${tree.leafA1!.id}`);
    expect(audit).toMatchObject({ before: { final: null, computed: "good" }, after: { final: "average", reason: "述职评议意见较多" } });
    expect(await outcomeOf(c.reviewerA.assessment.setFinalGrade({ ...first, grade: "poor", version: 7 }))).toBe("CONFLICT");

    // The freed 好 can go to another unit; the veto still caps leafB1 whoever asks.
    expect(
      await c.leaderA.assessment.setFinalGrade({ year: YEAR, unitId: tree.leafA2!.id, grade: "good", reason: "排名第二，表现突出" }),
    ).toMatchObject({ final: "good" });
    const veto = await fieldErrorsOf(
      c.admin.assessment.setFinalGrade({ year: YEAR, unitId: tree.leafB1!.id, grade: "good", reason: "特殊贡献" }),
    );
    expect(veto.grade).toMatch(/触发否决项“书记受到诫勉及以上问责”，等次最高只能定为“较好”/);
    expect(await outcomeOf(c.admin.assessment.setFinalGrade({ year: YEAR, unitId: tree.root!.id, grade: "good", reason: "x" }))).toBe(
      "PRECONDITION_FAILED",
    );
    expect(await c.reviewerA.assessment.proposeGrade({ year: YEAR, unitId: tree.leafA1!.id, grade: "fairly_good" })).toEqual({
      proposed: "fairly_good",
    });

    const rows = await c.leaderA.assessment.grades({ year: YEAR, unitId: tree.branchA!.id });
    expect(rows.find((r) => r.unitId === tree.leafA1!.id)).toMatchObject({
      computed: "good",
      final: "average",
      effective: "average",
      proposed: "fairly_good",
    });
    expect(await c.leaderA.assessment.gradeQuota({ year: YEAR, unitId: tree.branchA!.id })).toMatchObject({
      department: { good: 1, average: 2 },
    });

    // Before 公示 the unit itself sees its score and breakdown as 预评（未公示）: no proposed or final grade, no reason.
    const [own] = await c.staffA1.assessment.grades({ year: YEAR, unitId: tree.leafA1!.id });
    expect(own).toMatchObject({ preliminary: true, computed: "good", effective: "good", proposed: null, final: null, reason: null });
    expect(own!.breakdown.parts.length).toBeGreaterThan(0);
    expect((await c.staffA1.assessment.gradeQuota({ year: YEAR, unitId: tree.leafA1!.id })).subtree).toMatchObject({ good: 1, average: 0 });
    // A leader over their own unit cannot assess it either; the units below they can.
    const leaderRows = await c.leaderA.assessment.grades({ year: YEAR, unitId: tree.branchA!.id });
    expect(leaderRows.find((r) => r.unitId === tree.leafA1!.id)).toMatchObject({ preliminary: false, final: "average" });
  });

  it("freezes every graded unit's grade when publicised, and a final year never changes", async () => {
    let { version } = await c.admin.assessment.cycle({ year: YEAR });
    expect(await trpcError(c.admin.assessment.moveCycle({ year: YEAR, to: "publicised", version }))).toMatchObject({
      message: expect.stringMatching(/公示起止日期/),
    });
    ({ version } = await c.admin.assessment.saveCycle({
      ...rulesInput,
      version,
      publicityFrom: `${YEAR + 1}-02-01`,
      publicityTo: `${YEAR + 1}-02-07`,
    }));
    expect(await outcomeOf(c.admin.assessment.moveCycle({ year: YEAR, to: "final", version }))).toBe("PRECONDITION_FAILED"); // one step at a time
    const before = await c.admin.assessment.grades({ year: YEAR, unitId: tree.root!.id });
    ({ version } = await c.admin.assessment.moveCycle({ year: YEAR, to: "publicised", version }));
    const frozen = await t.db.select().from(assessmentGrades).where(eq(assessmentGrades.year, YEAR));
    expect(frozen).toHaveLength(5);
    for (const r of before) {
      const f = frozen.find((x) => x.unitId === r.unitId)!;
      expect({ computed: f.computed, score: f.score, final: f.final }).toEqual({
        computed: r.computed,
        score: r.score,
        final: r.effective,
      });
    }
    // Inputs that change afterwards no longer move the grades.
    await t.db
      .update(unitScores)
      .set({ score: 10 })
      .where(inArray(unitScores.unitId, [tree.leafA2!.id]));
    const after = await c.admin.assessment.grades({ year: YEAR, unitId: tree.root!.id });
    expect(after.map((r) => [r.unitId, r.score, r.effective])).toEqual(before.map((r) => [r.unitId, r.score, r.effective]));
    expect(
      await outcomeOf(c.leaderA.assessment.setFinalGrade({ year: YEAR, unitId: tree.leafA1!.id, grade: "average", reason: "再改" })),
    ).toBe("PRECONDITION_FAILED");
    // From 公示 on the unit sees its final grade and the reason.
    expect((await c.staffA1.assessment.grades({ year: YEAR, unitId: tree.leafA1!.id }))[0]).toMatchObject({
      preliminary: false,
      final: "average",
      effective: "average",
      reason: "述职评议意见较多",
    });
    const list = await c.staffA1.assessment.publicity({ year: YEAR });
    expect(list).toMatchObject({ publicityFrom: `${YEAR + 1}-02-01`, rows: [{ unitId: tree.leafA1!.id, grade: "average" }] });

    ({ version } = await c.admin.assessment.moveCycle({ year: YEAR, to: "final", version }));
    expect((await c.admin.assessment.cycle({ year: YEAR })).finalisedAt).toBeInstanceOf(Date);
    expect(await outcomeOf(c.admin.assessment.saveCycle({ ...rulesInput, version }))).toBe("PRECONDITION_FAILED");
    expect(await outcomeOf(c.admin.assessment.moveCycle({ year: YEAR, to: "rating", version }))).toBe("PRECONDITION_FAILED");
    expect(await auditRows(t.db, "assessment.moveCycle", YEAR)).toHaveLength(3);
  });
});
