import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { caseEvents, rectificationItems } from "~/db/schema";
import type { CreateCaseInput } from "~/server/services/case/schemas";
import { meetingInput, setMembers } from "./meeting-fixtures";
import { callersOn, usualCast, useTreeDb, type Caller } from "./test-db";
import { auditRows, fieldErrorsOf, outcomeOf, trpcError } from "./trpc-expect";

/** Accountability cases: form–subject rules, the status flow, items and overdue, scope, audit. */
const t = useTreeDb();
let admin: Caller, reviewerA: Caller, leaderA: Caller, staffA1: Caller, staffA2: Caller, reviewerB: Caller;

beforeAll(async () => {
  ({ admin, reviewerA, leaderA, staffA1, staffA2, reviewerB } = await callersOn(t, usualCast));
});

const input = (unitId: number, over: Partial<CreateCaseInput> = {}): CreateCaseInput => ({
  unitId,
  subject: "secretary",
  category: "leadership",
  rootCause: "misperception",
  form: "admonition",
  facts: "全年未专题研究党建工作，党建述职流于形式。",
  ...over,
});

const step = (c: Caller, id: number, to: "investigating" | "decided" | "rectifying" | "closed") =>
  c.case.transition({ id, to, comment: `转为${to}` });

describe("case.create", () => {
  it("opens a case with a timeline row and an audit row", async () => {
    const { id } = await reviewerA.case.create(input(t.tree.leafA1.id));
    const got = await reviewerA.case.get({ id });
    expect(got).toMatchObject({ status: "opened", unitName: "A局第一党支部", canWrite: true, nextStatuses: ["investigating"] });
    expect(got.timeline).toEqual([expect.objectContaining({ fromStatus: null, toStatus: "opened" })]);
    expect(await auditRows(t.db, "case.create", id)).toHaveLength(1);
  });

  it("refuses a form that does not fit the subject, with a message on `form`", async () => {
    const unit = t.tree.leafA1.id;
    expect((await fieldErrorsOf(reviewerA.case.create(input(unit, { subject: "organisation", form: "admonition" })))).form).toMatch(
      /检查、通报、改组/,
    );
    expect((await fieldErrorsOf(reviewerA.case.create(input(unit, { subject: "leader", form: "reorganisation" })))).form).toMatch(/诫勉/);
    // A plain member is handled under the discipline regulations: only 纪律处分.
    expect((await fieldErrorsOf(reviewerA.case.create(input(unit, { subject: "member", form: "notice" })))).form).toMatch(/纪律处分/);
    expect(await outcomeOf(reviewerA.case.create(input(unit, { subject: "member", form: "discipline" })))).toBe("ok");
    expect(await outcomeOf(reviewerA.case.create(input(unit, { subject: "organisation", form: "reorganisation" })))).toBe("ok");
  });

  it("validates facts and unknown codes per field", async () => {
    const errors = await fieldErrorsOf(reviewerA.case.create({ ...input(t.tree.leafA1.id), facts: " ", subject: "boss" as never }));
    expect(errors.facts).toMatch(/问题事实/);
    expect(errors.subject).toMatch(/问责对象/);
  });

  it("links a flag of a meeting of the same unit, and refuses another unit's meeting", async () => {
    await setMembers(t.db, t.tree.leafA1.id, 10);
    const { id: meetingId } = await admin.meeting.create(
      meetingInput(t.tree.leafA1.id, { type: "org_life", date: "2025-06-10", criticalOpinions: 0 }),
    );
    const { id } = await reviewerA.case.create(
      input(t.tree.leafA1.id, { category: "inner_life", sourceType: "flag", sourceId: meetingId, flagKind: "zero_criticism" }),
    );
    expect(await reviewerA.case.get({ id })).toMatchObject({
      sourceType: "flag",
      sourceId: meetingId,
      sourceDetail: { flagKind: "zero_criticism" },
    });
    const wrong = await fieldErrorsOf(reviewerA.case.create(input(t.tree.leafA2.id, { sourceType: "meeting", sourceId: meetingId })));
    expect(wrong.sourceId).toMatch(/不属于该单位/);
    expect(
      (await fieldErrorsOf(reviewerA.case.create(input(t.tree.leafA1.id, { sourceType: "meeting", sourceId: 999_999 })))).sourceId,
    ).toMatch(/不存在/);
    expect(
      (await fieldErrorsOf(reviewerA.case.create(input(t.tree.leafA1.id, { sourceType: "flag", sourceId: meetingId })))).flagKind,
    ).toBeDefined();
  });
});

describe("case.transition", () => {
  it("walks the allowed flow and refuses skips, with timeline and audit rows", async () => {
    const { id } = await reviewerA.case.create(input(t.tree.leafA2.id));
    expect(await outcomeOf(step(reviewerA, id, "decided"))).toBe("PRECONDITION_FAILED");
    expect(await outcomeOf(step(reviewerA, id, "closed"))).toBe("PRECONDITION_FAILED");
    expect(await step(reviewerA, id, "investigating")).toEqual({ status: "investigating" });
    expect(await step(reviewerA, id, "decided")).toEqual({ status: "decided" });
    // No items: decided → closed is allowed.
    expect(await step(reviewerA, id, "closed")).toEqual({ status: "closed" });
    expect(await outcomeOf(step(reviewerA, id, "rectifying"))).toBe("PRECONDITION_FAILED");
    const events = await t.db.select().from(caseEvents).where(eq(caseEvents.caseId, id)).orderBy(caseEvents.id);
    expect(events.map((e) => e.toStatus)).toEqual(["opened", "investigating", "decided", "closed"]);
    const audits = await auditRows(t.db, "case.transition", id);
    expect(audits.map((a) => (a.after as { status: string }).status)).toEqual(["investigating", "decided", "closed"]);
    expect(audits[0]!.after).toMatchObject({ comment: "转为investigating" });
  });

  it("requires a comment of 2–500 characters", async () => {
    const { id } = await reviewerA.case.create(input(t.tree.leafA2.id));
    expect((await fieldErrorsOf(reviewerA.case.transition({ id, to: "investigating", comment: "好" }))).comment).toMatch(/至少 2/);
    expect((await fieldErrorsOf(reviewerA.case.transition({ id, to: "investigating", comment: "x".repeat(501) }))).comment).toMatch(/500/);
  });

  it("refuses to close while items are open, naming how many; closes once all are done", async () => {
    const { id } = await reviewerA.case.create(input(t.tree.leafA1.id));
    await step(reviewerA, id, "investigating");
    await step(reviewerA, id, "decided");
    const a = await reviewerA.case.addItem({ caseId: id, description: "重新制定党建工作计划", owner: "张书记", deadline: "2099-12-31" });
    await reviewerA.case.addItem({ caseId: id, description: "补开专题组织生活会", owner: "李委员", deadline: "2099-12-31" });
    // With items, decided must go through rectifying.
    expect(await outcomeOf(step(reviewerA, id, "closed"))).toBe("PRECONDITION_FAILED");
    await step(reviewerA, id, "rectifying");
    const err = await trpcError(step(reviewerA, id, "closed"));
    expect(err.code).toBe("PRECONDITION_FAILED");
    expect(err.message).toMatch(/尚有 2 项整改事项未完成/);
    await reviewerA.case.completeItem({ itemId: a.id });
    expect(await outcomeOf(reviewerA.case.completeItem({ itemId: a.id }))).toBe("CONFLICT");
    expect((await trpcError(step(reviewerA, id, "closed"))).message).toMatch(/尚有 1 项/);
    const items = await t.db.select().from(rectificationItems).where(eq(rectificationItems.caseId, id));
    for (const i of items) if (!i.doneAt) await reviewerA.case.completeItem({ itemId: i.id });
    expect(await step(reviewerA, id, "closed")).toEqual({ status: "closed" });
    expect(await auditRows(t.db, "case.completeItem", id)).toHaveLength(2);
    expect(await outcomeOf(reviewerA.case.addItem({ caseId: id, description: "再加一项", owner: "张", deadline: "2099-01-01" }))).toBe(
      "PRECONDITION_FAILED",
    );
  });
});

describe("overdue items", () => {
  it("flags an open item past its deadline in case.get and case.list, not a done one", async () => {
    const { id } = await reviewerA.case.create(input(t.tree.leafA2.id, { category: "two_skins" }));
    await reviewerA.case.addItem({ caseId: id, description: "过期未改", owner: "王", deadline: "2020-01-01" });
    const done = await reviewerA.case.addItem({ caseId: id, description: "过期已改", owner: "赵", deadline: "2020-01-02" });
    await reviewerA.case.addItem({ caseId: id, description: "未到期", owner: "钱", deadline: "2099-01-01" });
    await reviewerA.case.completeItem({ itemId: done.id });
    const got = await reviewerA.case.get({ id });
    expect(got.items.map((i) => [i.description, i.overdue])).toEqual([
      ["过期未改", true],
      ["过期已改", false],
      ["未到期", false],
    ]);
    expect(got).toMatchObject({ openItems: 2, overdueItems: 1 });
    const listed = await reviewerA.case.list({ unitId: t.tree.branchA.id, overdue: true });
    expect(listed.cases.map((c) => c.id)).toContain(id);
    expect(listed.cases.find((c) => c.id === id)).toMatchObject({ openItems: 2, overdueItems: 1 });
    const notOverdue = await reviewerA.case.list({ unitId: t.tree.branchA.id, overdue: false });
    expect(notOverdue.cases.map((c) => c.id)).not.toContain(id);
    expect((await reviewerA.case.list({ unitId: t.tree.branchA.id, category: "two_skins" })).cases.map((c) => c.id)).toEqual([id]);
  });
});

describe("scope", () => {
  it("a reviewer of another branch can neither see nor touch; leader reads; staff reads own unit only", async () => {
    const { id } = await reviewerA.case.create(input(t.tree.leafA1.id));
    // A case out of reading reach answers like an unknown id (issue 13: no existence oracle).
    expect(await outcomeOf(reviewerB.case.get({ id }))).toBe("NOT_FOUND");
    expect(await outcomeOf(step(reviewerB, id, "investigating"))).toBe("NOT_FOUND");
    expect(await outcomeOf(reviewerB.case.create(input(t.tree.leafA1.id)))).toBe("FORBIDDEN");
    expect(await outcomeOf(reviewerB.case.addItem({ caseId: id, description: "越权", owner: "某", deadline: "2099-01-01" }))).toBe(
      "NOT_FOUND",
    );
    expect(await outcomeOf(reviewerB.case.list({ unitId: t.tree.branchA.id }))).toBe("FORBIDDEN");

    expect(await leaderA.case.get({ id })).toMatchObject({ canWrite: false, nextStatuses: [] });
    expect(await outcomeOf(step(leaderA, id, "investigating"))).toBe("FORBIDDEN");
    expect(await outcomeOf(leaderA.case.create(input(t.tree.leafA1.id)))).toBe("FORBIDDEN");

    expect(await staffA1.case.get({ id })).toMatchObject({ canWrite: false });
    expect(await outcomeOf(staffA2.case.get({ id }))).toBe("NOT_FOUND");
    expect(await outcomeOf(step(staffA1, id, "investigating"))).toBe("FORBIDDEN");
    const own = await staffA1.case.list({ unitId: t.tree.leafA1.id });
    expect(own.cases.every((c) => c.unitId === t.tree.leafA1.id)).toBe(true);
    expect(await outcomeOf(staffA1.case.list({ unitId: t.tree.branchA.id }))).toBe("FORBIDDEN");

    const all = await admin.case.list({ unitId: t.tree.root.id });
    expect(all.cases.map((c) => c.id)).toContain(id);
    expect(await step(admin, id, "investigating")).toEqual({ status: "investigating" });
  });
});

describe("the overview's case figures", () => {
  it("counts the subtree's open cases and those with an overdue item, as case.list does", async () => {
    const { id } = await reviewerA.case.create(input(t.tree.leafA2.id, { subject: "organisation", form: "inspection" }));
    await step(reviewerA, id, "investigating");
    await step(reviewerA, id, "decided");
    await reviewerA.case.addItem({ caseId: id, description: "限期补开组织生活会", owner: "支部书记", deadline: "2000-01-31" });

    const overview = await leaderA.dashboard.overview({ unitId: t.tree.branchA.id, from: "2026Q1", to: "2026Q2" });
    const listed = (await leaderA.case.list({ unitId: t.tree.branchA.id })).cases;
    expect(overview.cases.open).toBe(listed.filter((c) => c.status !== "closed").length);
    expect(overview.cases.overdue).toBe(listed.filter((c) => c.status !== "closed" && c.overdueItems > 0).length);
    expect(overview.cases.overdue).toBeGreaterThanOrEqual(1);

    // Staff see their own unit's figures only.
    const own = await staffA2.dashboard.overview({ unitId: t.tree.leafA2.id, from: "2026Q1", to: "2026Q2" });
    const ownListed = (await staffA2.case.list({ unitId: t.tree.leafA2.id })).cases;
    expect(own.cases.open).toBe(ownListed.filter((c) => c.status !== "closed").length);
  });
});
