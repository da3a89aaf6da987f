import { and, count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "~/db/client";
import { cases, reviewAgendaItems, unitScores, type Unit } from "~/db/schema";
import type { AgendaReason } from "~/server/services/review/reasons";
import { callerFor, createActor, createUnit } from "../factories";
import { meetingInput, setMembers } from "./meeting-fixtures";
import { useTreeDb } from "./test-db";
import { auditRows, fieldErrorsOf, outcomeOf, trpcError } from "./trpc-expect";

/**
 * Review meetings (问责审议会): the proposed agenda from fixture scores, flags and overdue items;
 * agenda edits; decisions (立案问责 opens a linked case, once); closing; scope.
 */
const t = useTreeDb();
type Caller = ReturnType<typeof callerFor>;
let admin: Caller, reviewerA: Caller, leaderA: Caller, staffA1: Caller, reviewerB: Caller;
/** leafA1, leafA2 and six more branches under branchA: a1 … a8. */
let a: Record<`a${1 | 2 | 3 | 4 | 5 | 6 | 7 | 8}`, Unit>;

const Q = "2025Q2";
const caseInput = {
  subject: "secretary",
  category: "leadership",
  rootCause: "misperception",
  form: "admonition",
  facts: "书记全年未讲党课，党建工作计划照搬上级文件。",
} as const;

async function score(db: Db, unit: Unit, composite: number, business: number, status: "approved" | "submitted" = "approved") {
  await db.insert(unitScores).values([
    { unitId: unit.id, quarter: Q, series: "composite", regionId: t.tree.branchA.id, status, score: composite },
    { unitId: unit.id, quarter: Q, series: "business", regionId: t.tree.branchA.id, status, score: business },
    { unitId: unit.id, quarter: Q, series: "leadership", regionId: t.tree.branchA.id, status, score: composite - 10 },
  ]);
}

beforeAll(async () => {
  const { root, branchA, leafA1, leafA2, branchB, leafB1 } = t.tree;
  const more = [];
  for (let i = 3; i <= 8; i++) more.push(await createUnit(t.db, { name: `A局第${i}党支部`, parent: branchA }));
  a = { a1: leafA1, a2: leafA2, a3: more[0]!, a4: more[1]!, a5: more[2]!, a6: more[3]!, a7: more[4]!, a8: more[5]! };
  admin = callerFor(t.db, await createActor(t.db, "admin", root));
  reviewerA = callerFor(t.db, await createActor(t.db, "reviewer", branchA));
  leaderA = callerFor(t.db, await createActor(t.db, "leader", branchA));
  staffA1 = callerFor(t.db, await createActor(t.db, "staff", leafA1));
  reviewerB = callerFor(t.db, await createActor(t.db, "reviewer", branchB));

  // The 重业务轻党建 lines are the means over the units scored on both that quarter (a6's
  // composite is only submitted, so a6 is left out): composite 71.7, business 74.3.
  await score(t.db, a.a1, 90, 80);
  await score(t.db, a.a2, 85, 70);
  await score(t.db, a.a3, 40, 60); // lowest composite
  await score(t.db, a.a4, 60, 95); // 重业务轻党建, widest gap
  await score(t.db, a.a5, 75, 75);
  await score(t.db, a.a6, 88, 50);
  await score(t.db, a.a7, 82, 65);
  await score(t.db, a.a8, 70, 75); // low and (just) 重业务轻党建
  // Never proposed: the subtree root itself, a unit of another branch; and a submitted-only score.
  await score(t.db, branchA, 5, 99);
  await score(t.db, leafB1, 1, 99);
  await t.db
    .insert(unitScores)
    .values({ unitId: a.a6.id, quarter: "2025Q1", series: "composite", regionId: branchA.id, status: "approved", score: 70 });
  await t.db
    .update(unitScores)
    .set({ status: "submitted", score: 10 })
    .where(and(eq(unitScores.unitId, a.a6.id), eq(unitScores.quarter, Q), eq(unitScores.series, "composite")));

  // a1 (best scores) held an org-life meeting with half the members and no criticism: two flags.
  await setMembers(t.db, a.a1.id, 10);
  await admin.meeting.create(
    meetingInput(a.a1.id, { type: "org_life", date: "2025-05-12", expected: 10, present: 5, criticalOpinions: 0 }),
  );
  // a2 has a case with an overdue rectification item.
  const { id: caseId } = await reviewerA.case.create({ unitId: a.a2.id, ...caseInput });
  await reviewerA.case.addItem({ caseId, description: "重新制定党建工作计划", owner: "张书记", deadline: "2020-01-31" });
});

const codes = (reasons: AgendaReason[]) => reasons.map((r) => r.code);

describe("review.propose", () => {
  it("proposes the lowest, the 重业务轻党建, the flagged and the overdue units, merged and ordered", async () => {
    const p = await reviewerA.review.propose({ unitId: t.tree.branchA.id, quarter: Q });
    expect(p.items.map((i) => [i.unitName, codes(i.reasons)])).toEqual([
      [a.a4.name, ["low_score", "business_over_party"]],
      [a.a8.name, ["low_score", "business_over_party"]],
      [a.a3.name, ["low_score"]],
      [a.a5.name, ["low_score"]],
      [a.a7.name, ["low_score"]],
      [a.a2.name, ["overdue_rectification"]],
      [a.a1.name, ["formalism_flags"]],
    ]);
    expect(p).toMatchObject({ include: "approved", scoredUnits: 7, cutoff: "mean", meanComposite: 71.7, meanBusiness: 74.3 });
    const a4 = p.items[0]!;
    expect(a4.reasons[0]).toEqual({ code: "low_score", evidence: { composite: 60, rank: 2, of: 7 } });
    expect(a4.reasons[1]).toMatchObject({ code: "business_over_party", evidence: { business: 95, composite: 60, gap: 35 } });
    expect(p.items.find((i) => i.unitId === a.a1.id)!.reasons[0]).toEqual({
      code: "formalism_flags",
      evidence: { total: 2, kinds: { low_attendance: 1, zero_criticism: 1 } },
    });
    expect(p.items.find((i) => i.unitId === a.a2.id)!.reasons[0]).toEqual({
      code: "overdue_rectification",
      evidence: { items: 1, cases: 1, oldestDeadline: "2020-01-31" },
    });
    // Not the subtree root, nor a unit outside it, however low; a6's score is only submitted.
    const ids = p.items.map((i) => i.unitId);
    expect(ids).not.toContain(t.tree.branchA.id);
    expect(ids).not.toContain(t.tree.leafB1.id);
    expect(ids).not.toContain(a.a6.id);
  });

  it("counts submitted scores when asked to", async () => {
    const p = await reviewerA.review.propose({ unitId: t.tree.branchA.id, quarter: Q, include: "submitted" });
    expect(p.items.find((i) => i.unitId === a.a6.id)?.reasons[0]).toMatchObject({
      code: "low_score",
      evidence: { composite: 10, rank: 1, of: 8 },
    });
  });

  it("refuses a quarter that has not begun, on the quarter field", async () => {
    expect((await fieldErrorsOf(reviewerA.review.propose({ unitId: t.tree.branchA.id, quarter: "2099Q1" }))).quarter).toMatch(/尚未开始/);
    expect((await fieldErrorsOf(reviewerA.review.propose({ unitId: t.tree.branchA.id, quarter: "2025Q5" }))).quarter).toMatch(/YYYYQn/);
  });
});

describe("review.create and review.updateAgenda", () => {
  it("creates the meeting with the proposed agenda and an audit row", async () => {
    const { id } = await reviewerA.review.create({ unitId: t.tree.branchA.id, quarter: Q, title: "2025年第2季度问责审议会" });
    const m = await reviewerA.review.get({ id });
    expect(m).toMatchObject({ status: "planned", unitName: "A局机关党委", quarter: Q, heldOn: null, canWrite: true });
    expect(m.items.map((i) => i.unitId)).toEqual([a.a4, a.a8, a.a3, a.a5, a.a7, a.a2, a.a1].map((u) => u.id));
    expect(m.items.every((i) => !i.addedByChair && i.reasons.length > 0)).toBe(true);
    expect(await auditRows(t.db, "review.create", id)).toHaveLength(1);
  });

  it("keeps a given order, marks units the proposal did not list, refuses units outside the subtree", async () => {
    const { id } = await reviewerA.review.create({ unitId: t.tree.branchA.id, quarter: Q, title: "指定议程", unitIds: [a.a6.id, a.a4.id] });
    const m = await reviewerA.review.get({ id });
    expect(m.items.map((i) => [i.unitId, i.addedByChair, codes(i.reasons)])).toEqual([
      [a.a6.id, true, []],
      [a.a4.id, false, ["low_score", "business_over_party"]],
    ]);
    const outside = await fieldErrorsOf(
      reviewerA.review.create({ unitId: t.tree.branchA.id, quarter: Q, title: "越界", unitIds: [a.a4.id, t.tree.leafB1.id] }),
    );
    expect(outside.unitIds).toMatch(/不在本次审议范围/);
    expect(
      (await fieldErrorsOf(reviewerA.review.create({ unitId: t.tree.branchA.id, quarter: Q, title: "重复", unitIds: [a.a4.id, a.a4.id] })))
        .unitIds,
    ).toMatch(/重复/);
    expect((await fieldErrorsOf(reviewerA.review.create({ unitId: t.tree.branchA.id, quarter: Q, title: " " }))).title).toMatch(/会议名称/);
  });

  it("reorders, adds and drops units; refuses outside units and a stale version", async () => {
    const { id, version } = await reviewerA.review.create({
      unitId: t.tree.branchA.id,
      quarter: Q,
      title: "议程调整",
      unitIds: [a.a3.id, a.a4.id, a.a5.id],
    });
    // Drop a5, move a4 first, add a6 (not proposed) and a1 (proposed for its flags).
    const next = await reviewerA.review.updateAgenda({ id, version, items: [a.a4, a.a3, a.a6, a.a1].map((u) => ({ unitId: u.id })) });
    expect(next.version).toBe(version + 1);
    const m = await reviewerA.review.get({ id });
    expect(m.items.map((i) => [i.unitId, i.position, i.addedByChair, codes(i.reasons)])).toEqual([
      [a.a4.id, 1, false, ["low_score", "business_over_party"]],
      [a.a3.id, 2, false, ["low_score"]],
      [a.a6.id, 3, true, []],
      [a.a1.id, 4, false, ["formalism_flags"]],
    ]);
    const audit = await auditRows(t.db, "review.updateAgenda", id);
    expect(audit[0]!.after).toMatchObject({ added: [a.a6.id, a.a1.id], dropped: [a.a5.id] });

    expect(
      (await fieldErrorsOf(reviewerA.review.updateAgenda({ id, version: next.version, items: [{ unitId: t.tree.leafB1.id }] }))).items,
    ).toMatch(/不在本次审议范围/);
    expect(await outcomeOf(reviewerA.review.updateAgenda({ id, version, items: [{ unitId: a.a4.id }] }))).toBe("CONFLICT");
    // Nothing changed by the refused calls.
    expect((await reviewerA.review.get({ id })).items).toHaveLength(4);
    expect((await reviewerA.review.get({ id })).version).toBe(next.version);
  });
});

describe("running a meeting", () => {
  let id: number;
  beforeAll(async () => {
    ({ id } = await reviewerA.review.create({
      unitId: t.tree.branchA.id,
      quarter: Q,
      title: "审议会",
      unitIds: [a.a4.id, a.a3.id, a.a1.id],
    }));
  });
  const casesOfMeeting = async () =>
    (
      await t.db
        .select({ n: count() })
        .from(cases)
        .where(and(eq(cases.sourceType, "review_meeting"), eq(cases.sourceId, id)))
    )[0]!.n;

  it("records decisions only once started; start sets the date", async () => {
    expect(await outcomeOf(reviewerA.review.decide({ id, unitId: a.a3.id, decision: "talk", note: "" }))).toBe("PRECONDITION_FAILED");
    expect(await outcomeOf(reviewerA.review.close({ id }))).toBe("PRECONDITION_FAILED");
    const started = await reviewerA.review.start({ id });
    expect(started.status).toBe("running");
    expect(started.heldOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await outcomeOf(reviewerA.review.start({ id }))).toBe("PRECONDITION_FAILED");
    expect(await reviewerA.review.decide({ id, unitId: a.a3.id, decision: "talk", note: "由机关党委书记约谈" })).toMatchObject({
      decision: "talk",
      caseId: null,
    });
    expect((await fieldErrorsOf(reviewerA.review.decide({ id, unitId: t.tree.leafA2.id, decision: "talk", note: "" }))).unitId).toMatch(
      /不在本次审议议程/,
    );
  });

  it("refuses a case whose form does not fit the subject, saving nothing", async () => {
    const before = await casesOfMeeting();
    const err = await fieldErrorsOf(
      reviewerA.review.decide({
        id,
        unitId: a.a4.id,
        decision: "case",
        note: "",
        case: { ...caseInput, subject: "organisation", form: "admonition" },
      }),
    );
    expect(err.form).toMatch(/检查、通报、改组/);
    expect((await fieldErrorsOf(reviewerA.review.decide({ id, unitId: a.a4.id, decision: "case", note: "" }))).case).toMatch(/须填写/);
    expect(await casesOfMeeting()).toBe(before);
    const [item] = await t.db
      .select()
      .from(reviewAgendaItems)
      .where(and(eq(reviewAgendaItems.meetingId, id), eq(reviewAgendaItems.unitId, a.a4.id)));
    expect(item).toMatchObject({ decision: null, caseId: null });
  });

  it("立案问责 opens a case linked to the meeting, once", async () => {
    const first = await reviewerA.review.decide({ id, unitId: a.a4.id, decision: "case", note: "业务挤占党建", case: caseInput });
    expect(first).toMatchObject({ decision: "case", caseCreated: true });
    const c = await reviewerA.case.get({ id: first.caseId! });
    expect(c).toMatchObject({ unitId: a.a4.id, sourceType: "review_meeting", sourceId: id, status: "opened", form: "admonition" });
    // Deciding again keeps the case; turning it into another decision is refused.
    const again = await reviewerA.review.decide({ id, unitId: a.a4.id, decision: "case", note: "补充说明" });
    expect(again).toMatchObject({ caseId: first.caseId, caseCreated: false, note: "补充说明" });
    expect(await outcomeOf(reviewerA.review.decide({ id, unitId: a.a4.id, decision: "no_action", note: "" }))).toBe("PRECONDITION_FAILED");
    expect(await casesOfMeeting()).toBe(1);
    expect(await auditRows(t.db, "review.decide", id)).toHaveLength(3); // talk on a3, two on a4
    const m = await reviewerA.review.get({ id });
    expect(m.items.find((i) => i.unitId === a.a4.id)).toMatchObject({
      decision: "case",
      caseId: first.caseId,
      caseStatus: "opened",
      decisionNote: "补充说明",
    });
  });

  it("a decided unit cannot be dropped from the agenda", async () => {
    const { version } = await reviewerA.review.get({ id });
    const err = await trpcError(reviewerA.review.updateAgenda({ id, version, items: [{ unitId: a.a3.id }, { unitId: a.a1.id }] }));
    expect(err.code).toBe("PRECONDITION_FAILED");
    expect(err.message).toContain(a.a4.name);
  });

  it("closes only when every unit has a decision, naming how many are open", async () => {
    const err = await trpcError(reviewerA.review.close({ id }));
    expect(err.code).toBe("PRECONDITION_FAILED");
    expect(err.message).toMatch(/尚有 1 个单位未作出审议决定/);
    await reviewerA.review.decide({ id, unitId: a.a1.id, decision: "supervise", note: "督办整改组织生活" });
    expect(await reviewerA.review.close({ id })).toMatchObject({ status: "closed" });
    const { version } = await reviewerA.review.get({ id });
    expect(await outcomeOf(reviewerA.review.decide({ id, unitId: a.a1.id, decision: "talk", note: "" }))).toBe("PRECONDITION_FAILED");
    expect(await outcomeOf(reviewerA.review.updateAgenda({ id, version, items: [{ unitId: a.a1.id }] }))).toBe("PRECONDITION_FAILED");
    expect(await auditRows(t.db, "review.close", id)).toHaveLength(1);
  });

  it("slides carry the trend, category scores, flags and open cases with overdue marks", async () => {
    const m = await reviewerA.review.get({ id });
    const a1 = m.items.find((i) => i.unitId === a.a1.id)!.slide;
    expect(a1.trend).toHaveLength(8);
    expect(a1.trend.at(-1)).toEqual({ quarter: Q, composite: 90, status: "approved" });
    expect(a1.categories.leadership).toEqual({ score: 80, status: "approved" });
    expect(a1.categories.vanguard).toBeNull();
    expect(a1.flags).toEqual(
      expect.arrayContaining([
        { kind: "low_attendance", count: 1 },
        { kind: "zero_criticism", count: 1 },
      ]),
    );
    const a6 = await reviewerA.review.create({ unitId: t.tree.branchA.id, quarter: Q, title: "趋势", unitIds: [a.a6.id, a.a2.id] });
    const m2 = await reviewerA.review.get({ id: a6.id });
    const s6 = m2.items[0]!.slide;
    expect(s6.trend.slice(-2)).toEqual([
      { quarter: "2025Q1", composite: 70, status: "approved" },
      { quarter: Q, composite: 10, status: "submitted" },
    ]);
    expect(m2.items[1]!.slide.cases).toEqual([expect.objectContaining({ status: "opened", openItems: 1, overdueItems: 1 })]);
  });
});

describe("case.create from a review meeting", () => {
  it("checks that the meeting exists and the unit lies in its subtree", async () => {
    const { id } = await reviewerA.review.create({ unitId: t.tree.branchA.id, quarter: Q, title: "来源检查", unitIds: [a.a3.id] });
    const src = { ...caseInput, sourceType: "review_meeting" as const };
    expect((await fieldErrorsOf(admin.case.create({ unitId: a.a3.id, ...src, sourceId: 999_999 }))).sourceId).toMatch(/不存在/);
    expect((await fieldErrorsOf(admin.case.create({ unitId: t.tree.leafB1.id, ...src, sourceId: id }))).sourceId).toMatch(/审议范围/);
    expect((await fieldErrorsOf(admin.case.create({ unitId: a.a3.id, ...src }))).sourceId).toMatch(/来源记录/);
    expect(await outcomeOf(admin.case.create({ unitId: a.a5.id, ...src, sourceId: id }))).toBe("ok");
  });
});

describe("scope", () => {
  let id: number;
  let version: number;
  beforeAll(async () => {
    ({ id, version } = await reviewerA.review.create({
      unitId: t.tree.branchA.id,
      quarter: Q,
      title: "范围",
      unitIds: [a.a3.id, a.a4.id],
    }));
  });

  it("a reviewer of another branch can neither see nor touch the meeting: its id answers like an unknown one", async () => {
    const unknown = await trpcError(reviewerB.review.get({ id: 999_999 }));
    const unknownMessage = (id: number) => unknown.message.replace("999999", String(id));
    // Thunks: each call starts only when awaited, so no refusal is left unhandled meanwhile.
    for (const call of [
      () => reviewerB.review.get({ id }),
      () => reviewerB.review.updateAgenda({ id, version, items: [{ unitId: a.a3.id }] }),
      () => reviewerB.review.start({ id }),
      () => reviewerB.review.decide({ id, unitId: a.a3.id, decision: "talk", note: "" }),
      () => reviewerB.review.saveNote({ id, unitId: a.a3.id, note: "越权" }),
      () => reviewerB.review.close({ id }),
    ]) {
      const err = await trpcError(call());
      expect(err.code).toBe("NOT_FOUND");
      expect(err.message).toBe(unknownMessage(id));
    }
    expect(await outcomeOf(reviewerB.review.list({ unitId: t.tree.branchA.id }))).toBe("FORBIDDEN");
    expect(await outcomeOf(reviewerB.review.propose({ unitId: t.tree.branchA.id, quarter: Q }))).toBe("FORBIDDEN");
    expect(await outcomeOf(reviewerB.review.create({ unitId: t.tree.branchA.id, quarter: Q, title: "越权" }))).toBe("FORBIDDEN");
    // Their own branch's list does not show it either.
    expect((await reviewerB.review.list({ unitId: t.tree.branchB.id })).meetings.map((m) => m.id)).not.toContain(id);
  });

  it("staff cannot see review meetings, not even of their own unit; an id tells them nothing", async () => {
    const err = await trpcError(staffA1.review.get({ id }));
    expect(err.code).toBe("NOT_FOUND");
    expect(err.message).toBe((await trpcError(staffA1.review.get({ id: 999_999 }))).message.replace("999999", String(id)));
    expect(await outcomeOf(staffA1.review.list({ unitId: t.tree.leafA1.id }))).toBe("FORBIDDEN");
    expect(await outcomeOf(staffA1.review.propose({ unitId: t.tree.leafA1.id, quarter: Q }))).toBe("FORBIDDEN");
    expect(await outcomeOf(staffA1.review.create({ unitId: t.tree.leafA1.id, quarter: Q, title: "越权" }))).toBe("FORBIDDEN");
    expect(await outcomeOf(staffA1.review.start({ id }))).toBe("NOT_FOUND");
  });

  it("a leader chairs meetings of their subtree (canWrite), the reviewer's list shows them", async () => {
    expect(await leaderA.review.get({ id })).toMatchObject({ id, canWrite: true });
    expect((await leaderA.review.list({ unitId: t.tree.branchA.id })).canWrite).toBe(true);
    expect(await outcomeOf(leaderA.review.propose({ unitId: t.tree.branchA.id, quarter: Q }))).toBe("ok");
    const list = await reviewerA.review.list({ unitId: t.tree.branchA.id });
    expect(list.canWrite).toBe(true);
    expect(list.meetings.find((m) => m.id === id)).toMatchObject({ items: 2, decided: 0, status: "planned" });
  });

  it("an admin runs a meeting of any branch; a decision there is scoped by the meeting", async () => {
    await admin.review.start({ id });
    expect(await outcomeOf(reviewerB.review.decide({ id, unitId: a.a4.id, decision: "case", note: "", case: caseInput }))).toBe(
      "NOT_FOUND",
    );
    expect(await admin.review.decide({ id, unitId: a.a4.id, decision: "no_action", note: "" })).toMatchObject({ decision: "no_action" });
    expect(await outcomeOf(reviewerA.review.get({ id: 999_999 }))).toBe("NOT_FOUND");
  });
});
