import { beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { assessmentItems, dutyReportAnswers, dutyReports } from "~/db/schema";
import { callersOn, usualCast, useTreeDb, type Caller } from "./test-db";
import { auditRows, fieldErrorsOf, outcomeOf, trpcError } from "./trpc-expect";
import { setCycle } from "./assessment-fixtures";
import { todayInChina } from "~/lib/beijing-day";

/**
 * Issue 15 item 4: the level above's democratic appraisal (民主测评) and comment (点评) with its
 * rectification items — validated with messages naming the field, scoped to the level above
 * (never the unit itself), version-checked, audited, refused once the year is publicised or
 * final; the unit marks items done; `assessment.getUnitYear` reads it all back.
 */
const t = useTreeDb();
let c: Awaited<ReturnType<typeof callersOn<typeof usualCast>>>;
let staffB1: Caller;
const Y = 2031; // a year of its own: no other test file's cycle

beforeAll(async () => {
  c = await callersOn(t, usualCast);
  ({ staffB1 } = await callersOn(t, { staffB1: ["staff", "leafB1"] }));
  await setCycle(t.db, Y, "rating");
});

const ballots = { voters: 30, good: 18, fairlyGood: 8, average: 2, poor: 1 };

describe("assessment.saveAppraisal", () => {
  it("saves the counts for a unit below, versioned and audited; a stale version is a CONFLICT", async () => {
    const unitId = t.tree.leafA1.id;
    expect(await c.reviewerA.assessment.saveAppraisal({ year: Y, unitId, ...ballots, version: 0 })).toEqual({ ok: true, version: 1 });
    expect(await c.leaderA.assessment.saveAppraisal({ year: Y, unitId, ...ballots, good: 19, version: 1 })).toEqual({
      ok: true,
      version: 2,
    });
    const stale = await trpcError(c.reviewerA.assessment.saveAppraisal({ year: Y, unitId, ...ballots, version: 1 }));
    expect(stale.code).toBe("CONFLICT");
    expect(stale.message).toMatch(/^民主测评已被他人修改/);
    const year = await c.staffA1.assessment.getUnitYear({ year: Y, unitId });
    expect(year.appraisal).toMatchObject({ ...ballots, good: 19, version: 2 });
    const audit = await auditRows(t.db, "assessment.saveAppraisal", `${Y}/${unitId}`);
    expect(audit).toHaveLength(2);
    expect(audit[1]!.before).toMatchObject({ good: 18 });
    expect(audit[1]!.after).toMatchObject({ good: 19, voters: 30 });
  });

  it("names the field of each mistake, Chinese first, and refuses more valid ballots than voters", async () => {
    const unitId = t.tree.leafA2.id;
    const errors = await fieldErrorsOf(
      c.admin.assessment.saveAppraisal({ year: Y, unitId, voters: -1, good: 1.5, fairlyGood: 0, average: 0, poor: 0 } as never),
    );
    expect(errors.voters).toBe("参评人数须为不小于 0 的整数（voters must be a whole number ≥ 0）");
    expect(errors.good).toMatch(/^“好”票数须为不小于 0 的整数/);
    const over = await fieldErrorsOf(
      c.admin.assessment.saveAppraisal({ year: Y, unitId, voters: 10, good: 6, fairlyGood: 4, average: 1, poor: 0 }),
    );
    expect(over.voters).toMatch(/^有效票合计 11 张.*多于参评人数 10/);
  });

  it("is the level above's: never the unit itself, never staff, never a sibling", async () => {
    const ok = { ...ballots };
    expect(await outcomeOf(c.reviewerA.assessment.saveAppraisal({ year: Y, unitId: t.tree.branchA.id, ...ok }))).toBe("FORBIDDEN");
    expect(await outcomeOf(c.leaderA.assessment.saveAppraisal({ year: Y, unitId: t.tree.root.id, ...ok }))).toBe("FORBIDDEN");
    expect(await outcomeOf(c.staffA1.assessment.saveAppraisal({ year: Y, unitId: t.tree.leafA1.id, ...ok }))).toBe("FORBIDDEN");
    expect(await outcomeOf(c.reviewerB.assessment.saveAppraisal({ year: Y, unitId: t.tree.leafA1.id, ...ok }))).toBe("FORBIDDEN");
    expect(await outcomeOf(c.admin.assessment.saveAppraisal({ year: Y, unitId: t.tree.branchB.id, ...ok }))).toBe("ok");
  });

  it("is refused without a cycle, and once the year is publicised or final", async () => {
    const unitId = t.tree.leafB1.id;
    const none = await trpcError(c.admin.assessment.saveAppraisal({ year: 2040, unitId, ...ballots }));
    expect([none.code, none.message]).toEqual(["PRECONDITION_FAILED", expect.stringMatching(/^2040 年度考核尚未开启/)]);
    await setCycle(t.db, 2032, "publicised");
    expect((await trpcError(c.admin.assessment.saveAppraisal({ year: 2032, unitId, ...ballots }))).message).toMatch(/已进入公示/);
    await setCycle(t.db, 2033, "final");
    const final = await trpcError(c.admin.assessment.saveComment({ year: 2033, unitId, text: "点评", items: [] }));
    expect([final.code, final.message]).toEqual(["PRECONDITION_FAILED", expect.stringMatching(/已定档，该年度的记录只读/)]);
  });
});

describe("assessment.saveComment", () => {
  const items = [
    { content: "三会一课记录不规范，须逐月补齐", deadline: "2032-03-31" },
    { content: "党员发展程序不完整", deadline: "2032-06-30" },
  ];

  it("saves the text and its items; resaving replaces the unanswered items and keeps done or answered ones", async () => {
    const unitId = t.tree.leafA2.id;
    const first = await c.reviewerA.assessment.saveComment({ year: Y, unitId, text: "组织生活不够严肃。", items, version: 0 });
    expect(first).toMatchObject({ ok: true, version: 1, keptItemIds: [] });
    expect(first.itemIds).toHaveLength(2);
    const [doneId, answeredId] = first.itemIds as [number, number];

    // The unit marks the first done; next year's duty report answers the second.
    await c.staffA2.assessment.markItemDone({ id: doneId, evidence: "已逐月补齐记录" });
    const [report] = await t.db
      .insert(dutyReports)
      .values({ year: Y + 1, unitId, text: "" })
      .returning();
    await t.db.insert(dutyReportAnswers).values({ dutyReportId: report!.id, itemId: answeredId, done: false, evidence: "正在整改" });
    const second = await c.leaderA.assessment.saveComment({
      year: Y,
      unitId,
      text: "组织生活不够严肃，整改有进展。",
      items: [{ content: "新增：学习制度执行不到位", deadline: "2032-09-30" }],
      version: 1,
    });
    expect(second.keptItemIds.sort()).toEqual([doneId, answeredId].sort());
    const year = await c.reviewerA.assessment.getUnitYear({ year: Y, unitId });
    expect(year.comment).toMatchObject({ text: "组织生活不够严肃，整改有进展。", version: 2 });
    expect(year.items.map((i) => [i.content, i.answered, i.doneAt !== null])).toEqual([
      ["三会一课记录不规范，须逐月补齐", false, true],
      ["党员发展程序不完整", true, false],
      ["新增：学习制度执行不到位", false, false],
    ]);
    expect(year.items[0]!.doneEvidence).toBe("已逐月补齐记录");
    const audit = await auditRows(t.db, "assessment.saveComment", `${Y}/${unitId}`);
    expect(audit).toHaveLength(2);
    expect(audit[1]!.after).toMatchObject({
      text: "组织生活不够严肃，整改有进展。",
      keptItems: expect.arrayContaining([doneId, answeredId]),
    });
    expect((await trpcError(c.leaderA.assessment.saveComment({ year: Y, unitId, text: "x", items: [], version: 1 }))).code).toBe(
      "CONFLICT",
    );
  });

  it("names the item field at fault", async () => {
    const errors = await fieldErrorsOf(
      c.admin.assessment.saveComment({
        year: Y,
        unitId: t.tree.leafB1.id,
        text: " ",
        items: [
          { content: "", deadline: "2032-01-01" },
          { content: "整改", deadline: "2032-02-30" },
        ],
      }),
    );
    expect(errors.text).toMatch(/^请填写点评内容/);
    expect(errors["items.0.content"]).toMatch(/^请填写整改事项的内容/);
    expect(errors["items.1.deadline"]).toMatch(/^整改期限须为有效日期.*（deadline must be a real date/);
  });

  it("refuses a new or changed item's deadline before today (Beijing), and keeps an unchanged one", async () => {
    const unitId = t.tree.leafB1.id;
    const today = todayInChina();
    const past = await fieldErrorsOf(
      c.admin.assessment.saveComment({ year: Y, unitId, text: "点评", items: [{ content: "补齐台账", deadline: "2020-01-01" }] }),
    );
    expect(past["items.0.deadline"]).toMatch(/^「整改期限」不能早于今天/);
    const saved = await c.admin.assessment.saveComment({
      year: Y,
      unitId,
      text: "点评",
      items: [{ content: "补齐台账", deadline: today }],
    });
    expect(saved.itemIds).toHaveLength(1);
    // An item that became overdue is sent back unchanged with the comment: kept, not refused.
    await t.db.update(assessmentItems).set({ deadline: "2020-01-01" }).where(eq(assessmentItems.id, saved.itemIds[0]!));
    await expect(
      c.admin.assessment.saveComment({ year: Y, unitId, text: "点评（修改）", items: [{ content: "补齐台账", deadline: "2020-01-01" }] }),
    ).resolves.toMatchObject({ ok: true });
    const changed = await fieldErrorsOf(
      c.admin.assessment.saveComment({ year: Y, unitId, text: "点评", items: [{ content: "补齐台账", deadline: "2020-01-02" }] }),
    );
    expect(changed["items.0.deadline"]).toMatch(/不能早于今天/);
  });

  it("is the level above's alone", async () => {
    const input = { year: Y, unitId: t.tree.leafA1.id, text: "点评", items: [] };
    expect(await outcomeOf(c.staffA1.assessment.saveComment(input))).toBe("FORBIDDEN");
    expect(await outcomeOf(c.reviewerB.assessment.saveComment(input))).toBe("FORBIDDEN");
    expect(await outcomeOf(c.reviewerA.assessment.saveComment({ ...input, unitId: t.tree.branchA.id }))).toBe("FORBIDDEN");
  });
});

describe("assessment.markItemDone", () => {
  it("is the unit's (or an admin's): others reading it are FORBIDDEN, others not reading it NOT_FOUND; twice is a CONFLICT", async () => {
    const unitId = t.tree.leafA1.id;
    const { itemIds } = await c.reviewerA.assessment.saveComment({
      year: Y,
      unitId,
      text: "点评",
      items: [{ content: "补开组织生活会", deadline: "2099-01-01" }],
    });
    const id = itemIds[0]!;
    // Overdue since (a deadline given in the past is refused: see saveComment).
    await t.db.update(assessmentItems).set({ deadline: "2020-01-01" }).where(eq(assessmentItems.id, id));
    const year = await c.staffA1.assessment.getUnitYear({ year: Y, unitId });
    expect(year.items.find((i) => i.id === id)).toMatchObject({ overdue: true, answered: false });
    expect(await outcomeOf(c.reviewerA.assessment.markItemDone({ id, evidence: "已补开" }))).toBe("FORBIDDEN");
    expect(await outcomeOf(c.staffA2.assessment.markItemDone({ id, evidence: "已补开" }))).toBe("NOT_FOUND");
    expect(await outcomeOf(staffB1.assessment.markItemDone({ id, evidence: "已补开" }))).toBe("NOT_FOUND");
    expect((await fieldErrorsOf(c.staffA1.assessment.markItemDone({ id, evidence: "" }))).evidence).toMatch(/^请填写整改情况/);
    expect(await c.staffA1.assessment.markItemDone({ id, evidence: "已补开组织生活会" })).toMatchObject({ id });
    expect((await trpcError(c.admin.assessment.markItemDone({ id, evidence: "再次" }))).code).toBe("CONFLICT");
    const [row] = await t.db
      .select()
      .from(assessmentItems)
      .where(and(eq(assessmentItems.id, id)));
    expect(row!.doneEvidence).toBe("已补开组织生活会");
    expect(await auditRows(t.db, "assessment.markItemDone", id)).toHaveLength(1);
  });
});

describe("assessment.getUnitYear", () => {
  it("is read with read access: the unit, its level above; not a sibling or another branch", async () => {
    const input = { year: Y, unitId: t.tree.leafA1.id };
    expect(await outcomeOf(c.staffA1.assessment.getUnitYear(input))).toBe("ok");
    expect(await outcomeOf(c.leaderA.assessment.getUnitYear(input))).toBe("ok");
    expect(await outcomeOf(c.staffA2.assessment.getUnitYear(input))).toBe("FORBIDDEN");
    expect(await outcomeOf(c.reviewerB.assessment.getUnitYear(input))).toBe("FORBIDDEN");
    const mine = await c.staffA1.assessment.getUnitYear(input);
    expect(mine.cycle).toEqual({ status: "rating", dutyReportDeadline: `${Y + 1}-01-20` });
    expect(mine.can).toMatchObject({ assess: false, markItemsDone: true, writeDutyReport: true });
    expect((await c.reviewerA.assessment.getUnitYear(input)).can).toMatchObject({
      assess: true,
      markItemsDone: false,
      writeDutyReport: false,
    });
  });
});
