import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { assessmentItems, dutyReports } from "~/db/schema";
import { dutyReportRules } from "~/lib/assessment/duty-report";
import { callersOn, usualCast, useTreeDb, type Caller } from "./test-db";
import { auditRows, fieldErrorsOf, outcomeOf, trpcError } from "./trpc-expect";
import { addSecretary, setCycle } from "./assessment-fixtures";

/**
 * Issue 15 item 3: the duty report (述职报告) — written by the unit's staff, its first section
 * answering last year's comment items one by one (已完成/未完成 with evidence); submitted only
 * when complete (the message lists what is missing), late after the deadline (逾期), returned
 * with a reason and resubmitted, accepted by the level above; a copied text is flagged (雷同).
 */
const t = useTreeDb();
let c: Awaited<ReturnType<typeof callersOn<typeof usualCast>>>;
let staffB1: Caller;
const Y = 2035;

/** A body long enough to submit, different per seed so reports do not match one another. */
const body = (seed: string) =>
  Array.from(
    { length: 12 },
    (_, i) => `${seed}第${i + 1}条：本年度支部围绕${seed}开展专题学习${i + 3}次，整改问题${i + 2}个，群众评价${seed}有提升。`,
  ).join("");

let items: number[];

beforeAll(async () => {
  c = await callersOn(t, usualCast);
  ({ staffB1 } = await callersOn(t, { staffB1: ["staff", "leafB1"] }));
  await setCycle(t.db, Y - 1, "rating");
  await setCycle(t.db, Y, "open");
  // Last year's comment on leafA1, with two items to answer this year.
  ({ itemIds: items } = await c.reviewerA.assessment.saveComment({
    year: Y - 1,
    unitId: t.tree.leafA1.id,
    text: "组织生活制度执行不严。",
    items: [
      { content: "落实三会一课制度", deadline: `${Y}-06-30` },
      { content: "规范党费收缴", deadline: `${Y}-06-30` },
    ],
  }));
  await setCycle(t.db, Y - 1, "final");
});

describe("writing and submitting", () => {
  const key = () => ({ year: Y, unitId: t.tree.leafA1.id });

  it("saves a draft with answers; an item not of last year's comment or 已完成 without evidence is named", async () => {
    const [other] = await t.db
      .insert(assessmentItems)
      .values({ year: Y - 1, unitId: t.tree.branchB.id, position: 1, content: "别的单位的事项", deadline: `${Y}-01-01` })
      .returning();
    const wrong = await fieldErrorsOf(
      c.staffA1.assessment.saveDutyReport({ ...key(), text: "草稿", answers: [{ itemId: other!.id, done: false, evidence: "" }] }),
    );
    expect(wrong["answers.0.itemId"]).toMatch(/^该整改事项不是本单位 2034 年度点评的整改事项/);
    const noEvidence = await fieldErrorsOf(
      c.staffA1.assessment.saveDutyReport({ ...key(), text: "草稿", answers: [{ itemId: items[0]!, done: true, evidence: " " }] }),
    );
    expect(noEvidence["answers.0.evidence"]).toBe("标为“已完成”的整改事项须写明佐证材料（an item marked done needs its evidence）");

    const saved = await c.staffA1.assessment.saveDutyReport({
      ...key(),
      text: "草稿",
      version: 0,
      answers: [{ itemId: items[0]!, done: true, evidence: "全年按月召开支委会" }],
    });
    expect(saved).toMatchObject({ status: "draft", version: 1 });
    const year = await c.staffA1.assessment.getUnitYear(key());
    expect(year.lastYearItems.map((i) => [i.content, i.answer])).toEqual([
      ["落实三会一课制度", { done: true, evidence: "全年按月召开支委会" }],
      ["规范党费收缴", null],
    ]);
    expect(year.dutyReport).toMatchObject({ status: "draft", text: "草稿", version: 1 });
    expect((await trpcError(c.staffA1.assessment.saveDutyReport({ ...key(), text: "旧版本", version: 0 }))).code).toBe("CONFLICT");
  });

  it("refuses to submit while an item is unanswered or the body is short, saying which", async () => {
    const errors = await fieldErrorsOf(c.staffA1.assessment.submitDutyReport(key()));
    expect(errors.answers).toMatch(/^上年整改事项第 2 项（共 1 项）尚未作答/);
    expect(errors.text).toBe(
      `述职报告正文至少 ${dutyReportRules.minChars} 字，现有 2 字（the report's body needs at least ${dutyReportRules.minChars} characters; it has 2）`,
    );
    expect((await c.staffA1.assessment.getUnitYear(key())).dutyReport?.status).toBe("draft");
  });

  it("submits once complete, as the secretary's in post, not late before the deadline; then it cannot change", async () => {
    const secretary = await addSecretary(t.db, t.tree.leafA1.id, "王书记");
    await c.staffA1.assessment.saveDutyReport({
      ...key(),
      text: body("甲"),
      answers: [
        { itemId: items[0]!, done: true, evidence: "全年按月召开支委会" },
        { itemId: items[1]!, done: false, evidence: "正在清理补缴" },
      ],
    });
    expect(await c.staffA1.assessment.submitDutyReport(key())).toMatchObject({ status: "submitted", late: false });
    const [row] = await t.db.select().from(dutyReports).where(eq(dutyReports.unitId, t.tree.leafA1.id));
    expect(row!.officerId).toBe(secretary.id);
    const refused = await trpcError(c.staffA1.assessment.saveDutyReport({ ...key(), text: "改一下" }));
    expect([refused.code, refused.message]).toEqual(["PRECONDITION_FAILED", expect.stringMatching(/^述职报告已提交，等待上级审核/)]);
    expect((await trpcError(c.staffA1.assessment.submitDutyReport(key()))).code).toBe("PRECONDITION_FAILED");
    const audit = await auditRows(t.db, "assessment.submitDutyReport", row!.id);
    expect(audit[0]!.after).toMatchObject({ status: "submitted", late: false, officerId: secretary.id });
  });

  it("is returned with a reason the unit reads, resubmitted, and accepted by the level above", async () => {
    expect(await outcomeOf(c.staffA1.assessment.returnDutyReport({ ...key(), reason: "自己退回" }))).toBe("FORBIDDEN");
    expect((await fieldErrorsOf(c.reviewerA.assessment.returnDutyReport({ ...key(), reason: "" }))).reason).toMatch(/^请填写退回原因/);
    expect(await c.reviewerA.assessment.returnDutyReport({ ...key(), reason: "未写明党费整改的时间表" })).toMatchObject({
      status: "returned",
    });
    const mine = await c.staffA1.assessment.getUnitYear(key());
    expect(mine.dutyReport).toMatchObject({ status: "returned", returnReason: "未写明党费整改的时间表" });
    expect(mine.can.writeDutyReport).toBe(true);
    await c.staffA1.assessment.saveDutyReport({
      ...key(),
      text: `${body("甲")}党费整改于六月底前完成。`,
      version: mine.dutyReport!.version,
    });
    expect(await c.staffA1.assessment.submitDutyReport(key())).toMatchObject({ status: "submitted" });
    const list = await c.leaderA.assessment.listDutyReports({ year: Y, unitId: t.tree.branchA.id });
    expect(list.rows.find((r) => r.unitId === t.tree.leafA1.id)).toMatchObject({ status: "submitted", canDecide: true, late: false });
    expect(await c.leaderA.assessment.acceptDutyReport(key())).toMatchObject({ status: "accepted" });
    expect((await trpcError(c.staffA1.assessment.saveDutyReport({ ...key(), text: "再改" }))).message).toMatch(/^述职报告已审核通过/);
    const [row] = await t.db.select().from(dutyReports).where(eq(dutyReports.unitId, t.tree.leafA1.id));
    expect((await auditRows(t.db, "assessment.returnDutyReport", row!.id))[0]!.after).toMatchObject({
      returnReason: "未写明党费整改的时间表",
    });
    expect(await auditRows(t.db, "assessment.acceptDutyReport", row!.id)).toHaveLength(1);
  });
});

describe("scope", () => {
  it("is written by the unit's staff or an admin; decided by the level above only", async () => {
    const key = { year: Y, unitId: t.tree.leafA2.id };
    expect(await outcomeOf(c.staffA1.assessment.saveDutyReport({ ...key, text: "x" }))).toBe("FORBIDDEN");
    expect(await outcomeOf(c.reviewerA.assessment.saveDutyReport({ ...key, text: "x" }))).toBe("FORBIDDEN");
    expect(await outcomeOf(c.leaderA.assessment.saveDutyReport({ ...key, text: "x" }))).toBe("FORBIDDEN");
    expect(await outcomeOf(c.admin.assessment.saveDutyReport({ ...key, text: body("乙") }))).toBe("ok");
    expect(await outcomeOf(c.admin.assessment.submitDutyReport(key))).toBe("ok");
    expect(await outcomeOf(c.reviewerB.assessment.acceptDutyReport(key))).toBe("FORBIDDEN");
    expect(await outcomeOf(staffB1.assessment.listDutyReports({ year: Y, unitId: t.tree.branchA.id }))).toBe("FORBIDDEN");
    // branchA's own report is its parent's to decide, not branchA's reviewer.
    const own = { year: Y, unitId: t.tree.branchA.id };
    await c.admin.assessment.saveDutyReport({ ...own, text: body("丙") });
    await c.admin.assessment.submitDutyReport(own);
    expect(await outcomeOf(c.reviewerA.assessment.acceptDutyReport(own))).toBe("FORBIDDEN");
    expect(await outcomeOf(c.admin.assessment.acceptDutyReport(own))).toBe("ok");
  });
});

describe("the cycle", () => {
  it("marks a submission after the deadline late (逾期) and refuses writes once publicised or final", async () => {
    const year = Y + 1;
    await setCycle(t.db, year, "rating", { dutyReportDeadline: "2020-01-20" });
    const key = { year, unitId: t.tree.leafB1.id };
    await staffB1.assessment.saveDutyReport({ ...key, text: body("丁") });
    expect(await staffB1.assessment.submitDutyReport(key)).toMatchObject({ late: true });
    expect((await staffB1.assessment.getUnitYear(key)).dutyReport?.late).toBe(true);
    expect(
      (await c.admin.assessment.listDutyReports({ year, unitId: t.tree.root.id })).rows.find((r) => r.unitId === key.unitId),
    ).toMatchObject({ late: true });
    await setCycle(t.db, year, "publicised", { dutyReportDeadline: "2020-01-20" });
    expect((await trpcError(c.admin.assessment.acceptDutyReport(key))).message).toMatch(/已进入公示/);
    const final = await trpcError(staffB1.assessment.saveDutyReport({ year: Y - 1, unitId: t.tree.leafB1.id, text: "x" }));
    expect([final.code, final.message]).toEqual(["PRECONDITION_FAILED", expect.stringMatching(/已定档/)]);
  });

  it("flags a copied report; the other unit's text shows only to a caller who may read it", async () => {
    const source = { year: Y, unitId: t.tree.leafB1.id };
    await staffB1.assessment.saveDutyReport({ ...source, text: body("戊") });
    const copy = { year: Y, unitId: t.tree.leafA1.id };
    await t.db.update(dutyReports).set({ status: "draft" }).where(eq(dutyReports.unitId, t.tree.leafA1.id)); // reopen for the test
    await c.staffA1.assessment.saveDutyReport({ ...copy, text: body("戊") });
    const mine = await c.staffA1.assessment.getUnitYear(copy);
    expect(mine.dutyReport?.copied).toMatchObject({ year: Y, sameUnit: false, unitName: null, text: null });
    expect(mine.dutyReport!.copied!.similarity).toBeGreaterThan(0.9);
    const admin = await c.admin.assessment.getUnitYear(copy);
    expect(admin.dutyReport?.copied).toMatchObject({ unitId: t.tree.leafB1.id, text: body("戊") });
    expect(
      (await c.admin.assessment.listDutyReports({ year: Y, unitId: t.tree.root.id })).rows.find((r) => r.unitId === copy.unitId)?.copied,
    ).toBe(true);
  });
});

describe("the to-do", () => {
  it("asks the unit to write its report and do its items; the level above to decide and chase overdue items", async () => {
    const year = Y + 2;
    await setCycle(t.db, year, "open");
    const [late] = await t.db
      .insert(assessmentItems)
      .values({ year: Y - 1, unitId: t.tree.leafA1.id, position: 9, content: "逾期未整改的事项", deadline: "2020-01-01" })
      .returning();
    const staff = (await c.staffA1.todo.list()).assessment;
    expect(staff.dutyReportsDue).toContainEqual(expect.objectContaining({ year, status: null, overdue: false }));
    expect(staff.openItems.map((i) => [i.content, i.overdue])).toContainEqual(["逾期未整改的事项", true]);
    expect(staff.toDecide).toBeNull();

    await c.staffA1.assessment.saveDutyReport({ year, unitId: t.tree.leafA1.id, text: body("己") });
    await c.staffA1.assessment.submitDutyReport({ year, unitId: t.tree.leafA1.id });
    expect((await c.staffA1.todo.list()).assessment.dutyReportsDue.map((d) => d.year)).not.toContain(year);
    const leader = (await c.leaderA.todo.list()).assessment;
    expect(leader.toDecide?.rows).toContainEqual(expect.objectContaining({ unitId: t.tree.leafA1.id, year }));
    expect(leader.overdueItems?.rows.map((r) => r.id)).toContain(late!.id);
    // Another branch's reviewer sees neither.
    const other = (await c.reviewerB.todo.list()).assessment;
    expect(other.toDecide?.rows.map((r) => r.unitId)).not.toContain(t.tree.leafA1.id);
    expect(other.overdueItems?.rows.map((r) => r.id)).not.toContain(late!.id);

    // The to-do shows the first few; the full lists (查看全部) hold every one.
    await t.db.insert(assessmentItems).values(
      Array.from({ length: 10 }, (_, i) => ({
        year: Y - 1,
        unitId: t.tree.leafA2.id,
        position: 20 + i,
        content: `逾期事项 ${i}`,
        deadline: "2020-02-01",
      })),
    );
    const many = (await c.leaderA.todo.list()).assessment.overdueItems!;
    expect(many.rows.length).toBeLessThan(many.total);
    const all = await c.leaderA.assessment.overdueItems({ unitId: t.tree.branchA.id });
    expect(all.total).toBe(many.total);
    expect(all.rows).toHaveLength(many.total);
    expect(all.rows.map((r) => r.id)).toContain(late!.id);
    expect((await c.staffA1.assessment.overdueItems({ unitId: t.tree.leafA1.id })).rows.map((r) => r.unitId)).toEqual([t.tree.leafA1.id]);
    expect(await outcomeOf(c.reviewerB.assessment.overdueItems({ unitId: t.tree.branchA.id }))).toBe("FORBIDDEN");
    const waiting = await c.leaderA.assessment.listDutyReports({ year, unitId: t.tree.branchA.id, status: "submitted" });
    expect(waiting.rows.map((r) => [r.unitId, r.status])).toEqual([[t.tree.leafA1.id, "submitted"]]);
    expect(waiting.counts.none).toBeGreaterThan(0); // the counts stay those of every unit
  });
});
