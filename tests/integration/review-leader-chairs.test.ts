import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { cases, reviewAgendaItems, unitScores, type Unit } from "~/db/schema";
import { callerFor, createActor, createUnit } from "../factories";
import { useTreeDb } from "./test-db";
import { auditRows, fieldErrorsOf, outcomeOf, trpcError } from "./trpc-expect";

/**
 * Leaders chair 问责审议 (issue 12.1), notes are saved whatever the order of key and typing
 * (12.2), attendees are recorded (12, review mode), and a review meeting shows only what the
 * reader may read now (issue 13.4).
 */
const t = useTreeDb();
type Caller = ReturnType<typeof callerFor>;
let admin: Caller, leaderA: Caller, reviewerA: Caller, leaderB: Caller;
let x: Unit, y: Unit;
const Q = "2025Q2";
const caseInput = {
  subject: "organisation",
  category: "inner_life",
  rootCause: "poor_planning",
  form: "inspection",
  facts: "组织生活会无批评意见，流于形式。",
} as const;

beforeAll(async () => {
  const { root, branchA, branchB } = t.tree;
  x = await createUnit(t.db, { name: "A局第七党支部", parent: branchA });
  y = await createUnit(t.db, { name: "A局第八党支部", parent: branchA });
  admin = callerFor(t.db, await createActor(t.db, "admin", root));
  leaderA = callerFor(t.db, await createActor(t.db, "leader", branchA));
  reviewerA = callerFor(t.db, await createActor(t.db, "reviewer", branchA));
  leaderB = callerFor(t.db, await createActor(t.db, "leader", branchB));
  for (const u of [x, y]) {
    await t.db.insert(unitScores).values([
      { unitId: u.id, quarter: Q, series: "composite", regionId: branchA.id, status: "approved", score: 41.5 },
      { unitId: u.id, quarter: Q, series: "business", regionId: branchA.id, status: "approved", score: 93 },
    ]);
  }
});

describe("a leader chairs a review meeting of their subtree", () => {
  it("creates, starts with attendees, decides 立案问责 → the case is open for the reviewers, linked to the meeting", async () => {
    const { id } = await leaderA.review.create({
      unitId: t.tree.branchA.id,
      quarter: Q,
      title: "领导主持的问责审议会",
      unitIds: [x.id, y.id],
      attendees: "王书记",
    });
    expect(await leaderA.review.get({ id })).toMatchObject({ canWrite: true, attendees: "王书记", status: "planned" });
    const started = await leaderA.review.start({ id, attendees: "王书记（主持）\n李副书记\n组织部 张三" });
    expect(started).toMatchObject({ status: "running", attendees: "王书记（主持）\n李副书记\n组织部 张三" });
    await leaderA.review.updateAgenda({ id, version: started.version, items: [{ unitId: y.id }, { unitId: x.id }] });

    const decided = await leaderA.review.decide({ id, unitId: x.id, decision: "case", note: "立案，限期整改", case: caseInput });
    expect(decided).toMatchObject({ decision: "case", caseCreated: true });
    const [opened] = await t.db.select().from(cases).where(eq(cases.id, decided.caseId!));
    expect(opened).toMatchObject({ unitId: x.id, status: "opened", sourceType: "review_meeting", sourceId: id });
    expect(await auditRows(t.db, "case.create", opened!.id)).toHaveLength(1);
    // The reviewers handle it from here: it is in their list and they can move it on.
    const list = await reviewerA.case.list({ unitId: t.tree.branchA.id });
    expect(JSON.stringify(list)).toContain(`"id":${opened!.id}`);
    expect(await reviewerA.case.transition({ id: opened!.id, to: "investigating", comment: "开始调查核实" })).toMatchObject({
      status: "investigating",
    });

    await leaderA.review.decide({ id, unitId: y.id, decision: "talk", note: "" });
    expect(await leaderA.review.close({ id })).toMatchObject({ status: "closed" });
  });

  it("the leader still cannot open or move cases outside a meeting decision", async () => {
    expect(await outcomeOf(leaderA.case.create({ unitId: x.id, ...caseInput }))).toBe("FORBIDDEN");
    expect(await outcomeOf(leaderA.case.create({ unitId: x.id, ...caseInput, sourceType: "review_meeting", sourceId: 1 }))).toBe(
      "FORBIDDEN",
    );
  });

  it("a leader of another branch is refused: no meeting on branch A, no id of it answers", async () => {
    expect(await outcomeOf(leaderB.review.create({ unitId: t.tree.branchA.id, quarter: Q, title: "越权审议", unitIds: [x.id] }))).toBe(
      "FORBIDDEN",
    );
    expect(
      await outcomeOf(leaderA.review.create({ unitId: t.tree.branchB.id, quarter: Q, title: "越权审议", unitIds: [t.tree.leafB1.id] })),
    ).toBe("FORBIDDEN");
    const { id } = await leaderA.review.create({ unitId: t.tree.branchA.id, quarter: Q, title: "A局审议", unitIds: [x.id] });
    const unknown = await trpcError(leaderB.review.get({ id: 999_999 }));
    // Thunks: each call starts only when awaited, so no refusal is left unhandled meanwhile.
    for (const call of [() => leaderB.review.get({ id }), () => leaderB.review.start({ id }), () => leaderB.review.close({ id })]) {
      const err = await trpcError(call());
      expect([err.code, err.message]).toEqual(["NOT_FOUND", unknown.message.replace("999999", String(id))]);
    }
  });
});

describe("decision notes (决定说明)", () => {
  it("a note saved after the decision keeps the decision; one saved before it is kept by the decision", async () => {
    const { id } = await leaderA.review.create({ unitId: t.tree.branchA.id, quarter: Q, title: "说明测试", unitIds: [x.id, y.id] });
    expect(await outcomeOf(leaderA.review.saveNote({ id, unitId: x.id, note: "会前" }))).toBe("PRECONDITION_FAILED");
    await leaderA.review.start({ id });
    await leaderA.review.decide({ id, unitId: x.id, decision: "supervise", note: "" });
    expect(await leaderA.review.saveNote({ id, unitId: x.id, note: "  督办：三十日内报送整改方案  " })).toMatchObject({ changed: true });
    expect(await leaderA.review.saveNote({ id, unitId: x.id, note: "督办：三十日内报送整改方案" })).toMatchObject({ changed: false });
    await leaderA.review.saveNote({ id, unitId: y.id, note: "先记下的说明" });
    const got = await leaderA.review.get({ id });
    expect(got.items.map((i) => [i.unitId, i.decision, i.decisionNote])).toEqual([
      [x.id, "supervise", "督办：三十日内报送整改方案"],
      [y.id, null, "先记下的说明"],
    ]);
    expect(await auditRows(t.db, "review.saveNote", id)).toHaveLength(2);
    expect(Object.keys(await fieldErrorsOf(leaderA.review.saveNote({ id, unitId: x.id, note: "长".repeat(1001) })))).toEqual(["note"]);
    expect(Object.keys(await fieldErrorsOf(leaderA.review.saveNote({ id, unitId: t.tree.leafB1.id, note: "不在议程" })))).toEqual([
      "unitId",
    ]);
  });
});

describe("a stale agenda after a unit moves away (issue 13.4)", () => {
  it("shows the reader only units in their reach now: no scores, cases or notes of the moved unit", async () => {
    const moved = await createUnit(t.db, { name: "A局第九党支部", parent: t.tree.branchA });
    await t.db
      .insert(unitScores)
      .values({ unitId: moved.id, quarter: Q, series: "composite", regionId: t.tree.branchA.id, status: "approved", score: 12.5 });
    const { id: caseId } = await reviewerA.case.create({ unitId: moved.id, ...caseInput, facts: "调出单位的问题事实记录" });
    const { id, version } = await leaderA.review.create({
      unitId: t.tree.branchA.id,
      quarter: Q,
      title: "调整前的议程",
      unitIds: [moved.id, y.id],
    });
    await leaderA.review.start({ id });
    await leaderA.review.saveNote({ id, unitId: moved.id, note: "调出单位的说明" });
    const before = await leaderA.review.get({ id });
    expect(before.items.find((i) => i.unitId === moved.id)?.slide.cases.map((c) => c.id)).toEqual([caseId]);

    await admin.unit.move({ id: moved.id, parentId: t.tree.branchB.id });

    const after = await leaderA.review.get({ id });
    expect(after.items.map((i) => i.unitId)).toEqual([y.id]);
    expect(after.outOfReach).toBe(1);
    const text = JSON.stringify(after);
    for (const leak of ["A局第九党支部", "调出单位的说明", "12.5", `"id":${caseId},`]) expect(text).not.toContain(leak);
    // Nor can it be decided, noted or reordered by that leader; closing no longer waits for it.
    expect(Object.keys(await fieldErrorsOf(leaderA.review.decide({ id, unitId: moved.id, decision: "talk", note: "" })))).toEqual([
      "unitId",
    ]);
    expect(Object.keys(await fieldErrorsOf(leaderA.review.saveNote({ id, unitId: moved.id, note: "x" })))).toEqual(["unitId"]);
    const v = (await leaderA.review.get({ id })).version;
    expect(v).toBeGreaterThan(version);
    expect(
      Object.keys(await fieldErrorsOf(leaderA.review.updateAgenda({ id, version: v, items: [{ unitId: moved.id }, { unitId: y.id }] }))),
    ).toEqual(["items"]);
    await leaderA.review.updateAgenda({ id, version: v, items: [{ unitId: y.id }] });
    const kept = await t.db
      .select({ unitId: reviewAgendaItems.unitId, position: reviewAgendaItems.position })
      .from(reviewAgendaItems)
      .where(eq(reviewAgendaItems.meetingId, id));
    expect(kept.sort((a, b) => a.position - b.position)).toEqual([
      { unitId: y.id, position: 1 },
      { unitId: moved.id, position: 2 },
    ]);
    await leaderA.review.decide({ id, unitId: y.id, decision: "no_action", note: "" });
    expect(await leaderA.review.close({ id })).toMatchObject({ status: "closed" });
    // An admin, who reaches everything, still reads the whole record.
    expect((await admin.review.get({ id })).items.map((i) => i.unitId)).toEqual([y.id, moved.id]);
  });
});
