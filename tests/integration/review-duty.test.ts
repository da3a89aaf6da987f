import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import {
  appraisals,
  assessmentComments,
  assessmentCycles,
  assessmentGrades,
  assessmentItems,
  dutyReportAnswers,
  dutyReports,
  officers,
  people,
  reviewMeetings,
  unitScores,
  type Unit,
} from "~/db/schema";
import { defaultCycleRules } from "~/lib/assessment/rules";
import { makeQuarter } from "~/lib/quarter";
import { todayInChina } from "~/server/services/meeting/schemas";
import { createUnit } from "../factories";
import { meetingInput, setMembers } from "./meeting-fixtures";
import { callersOn, useTreeDb, type Caller } from "./test-db";
import { auditRows, fieldErrorsOf, outcomeOf } from "./trpc-expect";

/**
 * 述职评议会 (issue 15.8): a review meeting of kind duty_review for a subtree and an assessment
 * year — the agenda is the graded units the chair assesses that have a secretary in post, in
 * tree order; each slide carries the secretary's year (trends, flags, last year's items and the
 * duty report's answers, the report's status and 雷同 flag, the appraisal).
 */
const t = useTreeDb();
const Y = Number(todayInChina().slice(0, 4)); // the year being assessed (open), as the app derives it
let c: { admin: Caller; leaderA: Caller; reviewerA: Caller; leaderB: Caller; staffA1: Caller };
let leafA3: Unit; // under branch A, no secretary

async function secretary(unitId: number, name: string, over: Partial<typeof officers.$inferInsert> = {}) {
  const [person] = await t.db.insert(people).values({ name }).returning();
  const [o] = await t.db
    .insert(officers)
    .values({ personId: person!.id, unitId, post: "secretary", fromDate: `${Y - 3}-01-01`, ...over })
    .returning();
  return o!;
}

beforeAll(async () => {
  c = await callersOn(t, {
    admin: ["admin", "root"],
    leaderA: ["leader", "branchA"],
    reviewerA: ["reviewer", "branchA"],
    leaderB: ["leader", "branchB"],
    staffA1: ["staff", "leafA1"],
  });
  const { root, branchA, leafA1, leafA2, branchB, leafB1 } = t.tree;
  leafA3 = await createUnit(t.db, { name: "A局第三党支部", parent: branchA });
  await t.db.insert(assessmentCycles).values([
    { year: Y, status: "open", rules: defaultCycleRules(Y) },
    { year: Y - 1, status: "final", rules: defaultCycleRules(Y - 1) },
  ]);
  await secretary(root.id, "市委书记");
  await secretary(branchA.id, "王机关");
  await secretary(leafA1.id, "张一支", { fullTime: true, concurrentHead: true });
  await secretary(leafA2.id, "旧书记", { toDate: `${Y - 1}-06-30` }); // left: not in post
  await secretary(leafA2.id, "李二支", { fromDate: `${Y - 1}-07-01` });
  await secretary(branchB.id, "赵机关");
  await secretary(leafB1.id, "钱一支");

  // leafA1's year: three quarters scored, a zero-criticism 组织生活会, last year's two items (one answered), a copied report, the appraisal.
  for (const [q, composite, business] of [
    [1, 71, 90],
    [2, 64.25, 92],
    [3, 58, 95],
  ] as const) {
    await t.db.insert(unitScores).values([
      { unitId: leafA1.id, quarter: makeQuarter(Y, q), series: "composite", regionId: branchA.id, status: "approved", score: composite },
      { unitId: leafA1.id, quarter: makeQuarter(Y, q), series: "business", regionId: branchA.id, status: "approved", score: business },
    ]);
  }
  await setMembers(t.db, leafA1.id, 10);
  await c.admin.meeting.create(meetingInput(leafA1.id, { type: "org_life", date: `${Y}-03-10`, criticalOpinions: 0 }));
  const [done, open] = await t.db
    .insert(assessmentItems)
    .values([
      { year: Y - 1, unitId: leafA1.id, position: 1, content: "三会一课记录不规范", deadline: `${Y}-06-30` },
      { year: Y - 1, unitId: leafA1.id, position: 2, content: "党员发展工作滞后", deadline: `${Y}-09-30` },
    ])
    .returning();
  const [other] = await t.db
    .insert(dutyReports)
    .values({ year: Y, unitId: leafA2.id, text: "李二支的述职报告", status: "submitted" })
    .returning();
  const [report] = await t.db
    .insert(dutyReports)
    .values({
      year: Y,
      unitId: leafA1.id,
      text: "张一支的述职报告",
      status: "submitted",
      submittedAt: new Date(`${Y + 1}-02-01T02:00:00Z`), // after the default deadline (next year's 20 January): late
      copiedFromId: other!.id,
      copiedSimilarity: 0.93,
    })
    .returning();
  await t.db.insert(dutyReportAnswers).values({ dutyReportId: report!.id, itemId: done!.id, done: true, evidence: "已建立会议记录台账" });
  expect(open).toBeDefined();
  await t.db.insert(appraisals).values({ year: Y, unitId: leafA1.id, voters: 30, good: 20, fairlyGood: 6, average: 3, poor: 1 });
});

describe("creating a 述职评议会", () => {
  it("proposes the graded units the chair assesses that have a secretary in post, in tree order, named", async () => {
    const { branchA, leafA1, leafA2 } = t.tree;
    const own = await c.leaderA.review.proposeDuty({ unitId: branchA.id, year: Y });
    // Branch A itself is graded by the level above it, never by its own leader; leafA3 has no secretary.
    expect(own.items).toEqual([
      { unitId: leafA1.id, unitName: "A局第一党支部", officerId: expect.any(Number), secretary: "张一支" },
      { unitId: leafA2.id, unitName: "A局第二党支部", officerId: expect.any(Number), secretary: "李二支" },
    ]);
    const all = await c.admin.review.proposeDuty({ unitId: t.tree.root.id, year: Y });
    // The tree's root is never graded; everything else with a secretary, parents before children.
    expect(all.items.map((i) => i.secretary)).toEqual(["王机关", "张一支", "李二支", "赵机关", "钱一支"]);
  });

  it("creates it with the proposed agenda; the meeting is a duty_review of the year, its slides the secretaries' years", async () => {
    const { branchA, leafA1, leafA2 } = t.tree;
    const { id } = await c.leaderA.review.createDuty({ unitId: branchA.id, year: Y, title: `${Y}年度述职评议会` });
    const [row] = await t.db.select().from(reviewMeetings).where(eq(reviewMeetings.id, id));
    expect(row).toMatchObject({ kind: "duty_review", year: Y, quarter: expect.stringMatching(new RegExp(`^${Y}Q[1-4]$`)) });
    const got = await c.leaderA.review.get({ id });
    expect(got.items.map((i) => [i.unitId, i.duty?.secretary?.name, i.addedByChair])).toEqual([
      [leafA1.id, "张一支", false],
      [leafA2.id, "李二支", false],
    ]);
    const slide = got.items[0]!.duty!;
    expect(slide.secretary).toMatchObject({ name: "张一支", fullTime: true, concurrentHead: true });
    expect(slide.trend).toEqual([
      { quarter: makeQuarter(Y, 1), composite: 71, business: 90, status: "approved" },
      { quarter: makeQuarter(Y, 2), composite: 64.3, business: 92, status: "approved" },
      { quarter: makeQuarter(Y, 3), composite: 58, business: 95, status: "approved" },
      { quarter: makeQuarter(Y, 4), composite: null, business: null, status: null },
    ]);
    // The copied duty report is a formalism flag too (copied_duty_report, in the year's Q4).
    expect(slide.flags).toEqual([
      { kind: "zero_criticism", count: 1 },
      { kind: "copied_duty_report", count: 1 },
    ]);
    expect(slide.lastYearItems).toEqual([
      expect.objectContaining({ content: "三会一课记录不规范", answer: { done: true, evidence: "已建立会议记录台账" } }),
      expect.objectContaining({ content: "党员发展工作滞后", answer: null }),
    ]);
    expect(slide.dutyReport).toMatchObject({
      status: "submitted",
      late: true,
      copied: { similarity: 0.93, unitName: "A局第二党支部", year: Y },
    });
    expect(slide.appraisal).toEqual({ voters: 30, good: 20, fairlyGood: 6, average: 3, poor: 1 });
    expect(got.items[1]!.duty).toMatchObject({ lastYearItems: [], dutyReport: { copied: null }, appraisal: null });
    // The grade as the grades page computes it (live while the cycle is open), no proposal yet.
    expect(got.items.map((i) => i.duty?.grade)).toEqual([
      expect.objectContaining({ computed: expect.any(String), score: expect.any(Number), proposed: null }),
      expect.objectContaining({ computed: expect.any(String), proposed: null }),
    ]);
  });

  it("takes the chair's agenda in order: a unit without a secretary is marked as added; units it may not hear are refused", async () => {
    const { branchA, leafA1, leafA2, leafB1 } = t.tree;
    const { id } = await c.reviewerA.review.createDuty({
      unitId: branchA.id,
      year: Y,
      title: "调整议程的评议会",
      unitIds: [leafA2.id, leafA3.id],
    });
    const got = await c.reviewerA.review.get({ id });
    expect(got.items.map((i) => [i.unitId, i.addedByChair, i.duty?.secretary])).toEqual([
      [leafA2.id, false, expect.objectContaining({ name: "李二支" })],
      [leafA3.id, true, null],
    ]);
    const updated = await c.reviewerA.review.updateAgenda({
      id,
      version: got.version,
      items: [{ unitId: leafA1.id }, { unitId: leafA2.id }],
    });
    expect((await c.reviewerA.review.get({ id })).items.map((i) => [i.unitId, i.addedByChair])).toEqual([
      [leafA1.id, false],
      [leafA2.id, false],
    ]);
    // The chair's own unit (graded by the level above) and another branch's unit are not theirs to hear.
    for (const unitId of [branchA.id, leafB1.id]) {
      expect(
        Object.keys(
          await fieldErrorsOf(c.leaderA.review.createDuty({ unitId: branchA.id, year: Y, title: "越级评议", unitIds: [unitId] })),
        ),
      ).toEqual(["unitIds"]);
      expect(
        Object.keys(await fieldErrorsOf(c.reviewerA.review.updateAgenda({ id, version: updated.version, items: [{ unitId }] }))),
      ).toEqual(["items"]);
    }
  });

  it("is held for a year whose cycle is open or rating only", async () => {
    const { branchA } = t.tree;
    for (const year of [Y - 1, Y + 5]) {
      expect(Object.keys(await fieldErrorsOf(c.leaderA.review.createDuty({ unitId: branchA.id, year, title: "评议会" })))).toEqual([
        "year",
      ]);
      expect(await outcomeOf(c.leaderA.review.proposeDuty({ unitId: branchA.id, year }))).toBe("BAD_REQUEST");
    }
  });

  it("staff never; a chair of another branch is refused, and no id of the meeting answers them", async () => {
    const { branchA } = t.tree;
    expect(await outcomeOf(c.staffA1.review.proposeDuty({ unitId: t.tree.leafA1.id, year: Y }))).toBe("FORBIDDEN");
    expect(await outcomeOf(c.staffA1.review.createDuty({ unitId: t.tree.leafA1.id, year: Y, title: "填报员评议" }))).toBe("FORBIDDEN");
    expect(await outcomeOf(c.leaderB.review.createDuty({ unitId: branchA.id, year: Y, title: "越权评议" }))).toBe("FORBIDDEN");
    expect(await outcomeOf(c.leaderB.review.proposeDuty({ unitId: branchA.id, year: Y }))).toBe("FORBIDDEN");
    const { id } = await c.leaderA.review.createDuty({ unitId: branchA.id, year: Y, title: "范围测试" });
    expect(await outcomeOf(c.staffA1.review.get({ id }))).toBe("NOT_FOUND");
    expect(await outcomeOf(c.leaderB.review.get({ id }))).toBe("NOT_FOUND");
    expect(await outcomeOf(c.leaderB.review.start({ id }))).toBe("NOT_FOUND");
  });

  it("an accountability meeting stays as it was: kind accountability, no duty slide", async () => {
    const { id } = await c.leaderA.review.create({
      unitId: t.tree.branchA.id,
      quarter: makeQuarter(Y, 1),
      title: "问责审议会",
      unitIds: [t.tree.leafA1.id],
    });
    const got = await c.leaderA.review.get({ id });
    expect(got).toMatchObject({ kind: "accountability", year: null });
    expect(got.items[0]!.duty).toBeNull();
    const [row] = await t.db
      .select({ kind: reviewMeetings.kind })
      .from(reviewMeetings)
      .where(and(eq(reviewMeetings.id, id)));
    expect(row!.kind).toBe("accountability");
  });
});

describe("recording at a 述职评议会", () => {
  it("the note typed on a slide is the unit's comment (点评), written through the comment service, its items kept", async () => {
    const { branchA, leafA1 } = t.tree;
    const [item] = await t.db
      .insert(assessmentItems)
      .values({ year: Y, unitId: leafA1.id, position: 1, content: "会前录入的整改事项", deadline: `${Y + 1}-06-30` })
      .returning();
    const { id } = await c.leaderA.review.createDuty({ unitId: branchA.id, year: Y, title: "点评记录" });
    await c.leaderA.review.start({ id });
    await c.leaderA.review.saveNote({ id, unitId: leafA1.id, note: "抓党建责任落实较好，但发展党员滞后" });
    await c.leaderA.review.saveNote({ id, unitId: leafA1.id, note: "抓党建责任落实较好，但发展党员工作滞后，需加强" });
    const [comment] = await t.db
      .select()
      .from(assessmentComments)
      .where(and(eq(assessmentComments.year, Y), eq(assessmentComments.unitId, leafA1.id)));
    expect(comment).toMatchObject({ text: "抓党建责任落实较好，但发展党员工作滞后，需加强", version: 2 });
    const items = await t.db
      .select()
      .from(assessmentItems)
      .where(and(eq(assessmentItems.year, Y), eq(assessmentItems.unitId, leafA1.id)));
    expect(items.map((i) => i.id)).toEqual([item!.id]);
    expect(await auditRows(t.db, "assessment.saveComment", `${Y}/${leafA1.id}`)).toHaveLength(2);
    const got = await c.leaderA.review.get({ id });
    expect(got.items[0]).toMatchObject({ decisionNote: "抓党建责任落实较好，但发展党员工作滞后，需加强" });
    expect(got.items[0]!.duty!.comment).toBe("抓党建责任落实较好，但发展党员工作滞后，需加强");
  });

  it("a grade key proposes the grade through the grades service; another key replaces it; closing waits for every unit", async () => {
    const { branchA, leafA1, leafA2 } = t.tree;
    const { id } = await c.reviewerA.review.createDuty({ unitId: branchA.id, year: Y, title: "等次建议" });
    expect(await outcomeOf(c.reviewerA.review.proposeGrade({ id, unitId: leafA1.id, grade: "good" }))).toBe("PRECONDITION_FAILED");
    await c.reviewerA.review.start({ id });
    expect(await c.reviewerA.review.proposeGrade({ id, unitId: leafA1.id, grade: "fairly_good" })).toEqual({
      unitId: leafA1.id,
      grade: "fairly_good",
    });
    expect(await c.reviewerA.review.proposeGrade({ id, unitId: leafA1.id, grade: "average" })).toMatchObject({ grade: "average" });
    const [row] = await t.db
      .select()
      .from(assessmentGrades)
      .where(and(eq(assessmentGrades.year, Y), eq(assessmentGrades.unitId, leafA1.id)));
    expect(row).toMatchObject({ proposed: "average", final: null });
    expect(await auditRows(t.db, "assessment.proposeGrade", `${Y}:${leafA1.id}`)).toHaveLength(2);
    expect(await auditRows(t.db, "review.proposeGrade", id)).toHaveLength(2);
    const got = await c.reviewerA.review.get({ id });
    expect(got.items.map((i) => i.duty?.grade?.proposed ?? null)).toEqual(["average", null]);
    expect(got.items[0]!.decidedAt).not.toBeNull();

    expect(await outcomeOf(c.reviewerA.review.close({ id }))).toBe("PRECONDITION_FAILED");
    await c.reviewerA.review.proposeGrade({ id, unitId: leafA2.id, grade: "good" });
    expect(await c.reviewerA.review.close({ id })).toMatchObject({ status: "closed" });
    expect(await outcomeOf(c.reviewerA.review.proposeGrade({ id, unitId: leafA2.id, grade: "poor" }))).toBe("PRECONDITION_FAILED");
  });

  it("refuses a grade at an accountability meeting, for a unit not on the agenda, and to anyone who may not chair it", async () => {
    const { branchA, leafA1, leafB1 } = t.tree;
    const acc = await c.leaderA.review.create({ unitId: branchA.id, quarter: makeQuarter(Y, 1), title: "问责", unitIds: [leafA1.id] });
    await c.leaderA.review.start({ id: acc.id });
    expect(await outcomeOf(c.leaderA.review.proposeGrade({ id: acc.id, unitId: leafA1.id, grade: "good" }))).toBe("PRECONDITION_FAILED");
    const { id } = await c.leaderA.review.createDuty({ unitId: branchA.id, year: Y, title: "范围" });
    await c.leaderA.review.start({ id });
    expect(Object.keys(await fieldErrorsOf(c.leaderA.review.proposeGrade({ id, unitId: leafB1.id, grade: "good" })))).toEqual(["unitId"]);
    expect(await outcomeOf(c.staffA1.review.proposeGrade({ id, unitId: leafA1.id, grade: "good" }))).toBe("NOT_FOUND");
    expect(await outcomeOf(c.leaderB.review.proposeGrade({ id, unitId: leafA1.id, grade: "good" }))).toBe("NOT_FOUND");
    expect(await outcomeOf(c.staffA1.review.saveNote({ id, unitId: leafA1.id, note: "越权点评" }))).toBe("NOT_FOUND");
  });
});
