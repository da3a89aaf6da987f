import { beforeAll, describe, expect, it } from "vitest";
import { reports } from "~/db/schema";
import { meetingQuality } from "~/lib/scoring/meeting-quality";
import { callerFor, createActor } from "../factories";
import { meetingInput, setMembers } from "./meeting-fixtures";
import { useTreeDb } from "./test-db";
import { auditRows, fieldErrorsOf, outcomeOf, trpcError } from "./trpc-expect";

const t = useTreeDb();
let staff: ReturnType<typeof callerFor>; // staff of leafA1
let staffA2: ReturnType<typeof callerFor>; // staff of the sibling leafA2
let staffB1: ReturnType<typeof callerFor>; // staff in another branch
let leader: ReturnType<typeof callerFor>; // leader at branchA (reads leafA1)
let admin: ReturnType<typeof callerFor>;

beforeAll(async () => {
  const { db, tree } = t;
  await setMembers(db, tree.leafA1.id, 12);
  staff = callerFor(db, await createActor(db, "staff", tree.leafA1));
  staffA2 = callerFor(db, await createActor(db, "staff", tree.leafA2));
  staffB1 = callerFor(db, await createActor(db, "staff", tree.leafB1));
  leader = callerFor(db, await createActor(db, "leader", tree.branchA));
  admin = callerFor(db, await createActor(db, "admin", tree.root));
});

describe("meeting.create / get / list", () => {
  it("records a meeting, derives its quarter and stores the rubric's quality score", async () => {
    const input = meetingInput(t.tree.leafA1.id, {
      type: "org_life",
      date: "2025-03-31",
      criticalOpinions: 9,
      selfCriticisms: 4,
      mutualCriticisms: 5,
    });
    const created = await staff.meeting.create(input);
    expect(created).toEqual({ id: expect.any(Number) }); // the contract's shape
    const { id } = created;
    const m = await staff.meeting.get({ id });
    expect(m).toMatchObject({
      unitId: t.tree.leafA1.id,
      type: "org_life",
      date: "2025-03-31",
      quarter: "2025Q1",
      version: 1,
      unitName: "A局第一党支部",
    });
    expect(m.qualityScore).toBe(meetingQuality(input).total);
    expect(m).not.toHaveProperty("minutesFingerprint");
  });

  it("derives the quarter from the calendar date, not from a UTC instant", async () => {
    // 1 April at 00:00 in Beijing is still 31 March in UTC: the stored quarter must be Q2.
    const { id } = await staff.meeting.create(meetingInput(t.tree.leafA1.id, { date: "2025-04-01" }));
    expect((await staff.meeting.get({ id })).quarter).toBe("2025Q2");
  });

  it("lists one unit's meetings by date within a quarter range, optionally by type", async () => {
    const unitId = t.tree.leafA1.id;
    const list = await staff.meeting.list({ unitId, from: "2025Q1", to: "2025Q1" });
    expect(list.canWrite).toBe(true);
    expect(list.meetings.map((m) => m.date)).toEqual([...list.meetings.map((m) => m.date)].sort());
    expect(list.meetings.every((m) => m.quarter === "2025Q1")).toBe(true);
    const lifeOnly = await staff.meeting.list({ unitId, from: "2025Q1", to: "2025Q4", type: "org_life" });
    expect(lifeOnly.meetings.length).toBeGreaterThan(0);
    expect(lifeOnly.meetings.every((m) => m.type === "org_life")).toBe(true);
    expect((await leader.meeting.list({ unitId, from: "2025Q1", to: "2025Q1" })).canWrite).toBe(false);
  });
});

describe("validation: one Chinese-first message per field", () => {
  const bad = (over: Record<string, unknown>) => fieldErrorsOf(staff.meeting.create({ ...meetingInput(t.tree.leafA1.id), ...over }));

  it("refuses impossible, future and too early dates", async () => {
    expect((await bad({ date: "2025-02-30" })).date).toMatch(/不是有效日期/);
    expect((await bad({ date: "2025/02/03" })).date).toMatch(/YYYY-MM-DD/);
    expect((await bad({ date: "2099-01-01" })).date).toMatch(/不能晚于今天/);
    expect((await bad({ date: "1999-12-31" })).date).toMatch(/不能早于 2000 年/);
  });

  it("refuses more present than expected and bad counts", async () => {
    expect((await bad({ expected: 5, present: 6 })).present).toMatch(/实到人数不能多于应到人数/);
    expect((await bad({ expected: 2.5 })).expected).toMatch(/应到人数须为整数/);
    expect((await bad({ expected: 0, present: 0 })).expected).toMatch(/应到人数至少为 1/);
    expect((await bad({ criticalOpinions: -1 })).criticalOpinions).toMatch(/不能为负数/);
    expect((await bad({ rectificationItems: 100_000 })).rectificationItems).toMatch(/不能超过 500/);
    expect((await bad({ expected: 1_000_000, present: 1 })).expected).toMatch(/不能超过 10000/);
  });

  it("requires critical opinions to equal self + mutual criticisms when both are given", async () => {
    const errors = await bad({ criticalOpinions: 5, selfCriticisms: 2, mutualCriticisms: 2 });
    expect(errors.criticalOpinions).toMatch(/自我批评与相互批评之和 4/);
    expect(
      await outcomeOf(
        staff.meeting.create(meetingInput(t.tree.leafA1.id, { criticalOpinions: 4, selfCriticisms: 1, mutualCriticisms: 3 })),
      ),
    ).toBe("ok");
  });

  it("checks topic, minutes and type", async () => {
    expect((await bad({ topic: "  " })).topic).toMatch(/请填写会议主题/);
    expect((await bad({ topic: "题".repeat(201) })).topic).toMatch(/不能超过 200 字/);
    expect((await bad({ minutes: "记".repeat(20_001) })).minutes).toMatch(/不能超过 20000 字/);
    expect((await bad({ type: "tea_party" })).type).toMatch(/请选择会议类型/);
  });

  it("reports several bad fields at once, each on its own field", async () => {
    const errors = await bad({ date: "2025-13-01", present: 20, topic: "" });
    expect(Object.keys(errors).sort()).toEqual(["date", "present", "topic"]);
  });
});

describe("scope", () => {
  it("lets only staff of the unit (or an admin) write; others in scope read", async () => {
    const unitId = t.tree.leafA1.id;
    expect(await outcomeOf(staffA2.meeting.create(meetingInput(unitId)))).toBe("FORBIDDEN");
    expect(await outcomeOf(staffB1.meeting.create(meetingInput(unitId)))).toBe("FORBIDDEN");
    expect(await outcomeOf(leader.meeting.create(meetingInput(unitId)))).toBe("FORBIDDEN");
    expect(await outcomeOf(admin.meeting.create(meetingInput(unitId)))).toBe("ok");

    const { id } = await staff.meeting.create(meetingInput(unitId, { date: "2025-05-06" }));
    const m = await leader.meeting.get({ id });
    expect(m.canWrite).toBe(false);
    expect(await outcomeOf(leader.meeting.update({ ...meetingInput(unitId), id, version: 1 }))).toBe("FORBIDDEN");
    expect(await outcomeOf(leader.meeting.delete({ id, version: 1 }))).toBe("FORBIDDEN");
    // Out of scope entirely: the meeting's existence is private.
    expect(await outcomeOf(staffB1.meeting.get({ id }))).toBe("NOT_FOUND");
    expect(await outcomeOf(staffB1.meeting.delete({ id, version: 1 }))).toBe("NOT_FOUND");
    expect(await outcomeOf(staffB1.meeting.list({ unitId, from: "2025Q1", to: "2025Q4" }))).toBe("FORBIDDEN");
    expect(await outcomeOf(staffB1.meeting.completion({ unitId, quarter: "2025Q1" }))).toBe("FORBIDDEN");
    expect(await outcomeOf(staffB1.meeting.flags({ unitId, from: "2025Q1", to: "2025Q4" }))).toBe("FORBIDDEN");
    // Staff read only their own unit, not the branch above it.
    expect(await outcomeOf(staff.meeting.flags({ unitId: t.tree.branchA.id, from: "2025Q1", to: "2025Q4" }))).toBe("FORBIDDEN");
    expect(await outcomeOf(leader.meeting.flags({ unitId: t.tree.branchA.id, from: "2025Q1", to: "2025Q4" }))).toBe("ok");
  });

  it("refuses callers who are not signed in", async () => {
    expect(await outcomeOf(callerFor(t.db, null).meeting.list({ unitId: t.tree.leafA1.id, from: "2025Q1", to: "2025Q1" }))).toBe(
      "UNAUTHORIZED",
    );
  });
});

describe("meeting.update / delete", () => {
  it("updates with the current version, recomputes the score and refuses a stale version with CONFLICT", async () => {
    const unitId = t.tree.leafA1.id;
    const { id } = await staff.meeting.create(meetingInput(unitId, { date: "2025-06-02", present: 5 }));
    const changed = meetingInput(unitId, { date: "2025-06-03", present: 10, topic: "改过的主题" });
    const updated = await staff.meeting.update({ ...changed, id, version: 1 });
    expect(updated).toMatchObject({ id, version: 2, qualityScore: meetingQuality(changed).total });
    const err = await trpcError(staff.meeting.update({ ...changed, id, version: 1 }));
    expect(err.code).toBe("CONFLICT");
    expect(err.message).toMatch(/已被他人修改/);
    expect(await outcomeOf(staff.meeting.delete({ id, version: 1 }))).toBe("CONFLICT");
    expect((await staff.meeting.get({ id })).topic).toBe("改过的主题");
  });

  it("deletes with the current version", async () => {
    const { id } = await staff.meeting.create(meetingInput(t.tree.leafA1.id, { date: "2025-06-04" }));
    expect(await staff.meeting.delete({ id, version: 1 })).toEqual({ id });
    expect(await outcomeOf(staff.meeting.get({ id }))).toBe("NOT_FOUND");
  });

  it("audits create, update and delete with before and after", async () => {
    const unitId = t.tree.leafA1.id;
    const { id } = await staff.meeting.create(meetingInput(unitId, { date: "2025-06-05", topic: "审计测试" }));
    await staff.meeting.update({ ...meetingInput(unitId, { date: "2025-06-05", topic: "审计测试（改）" }), id, version: 1 });
    await staff.meeting.delete({ id, version: 2 });
    const [created] = await auditRows(t.db, "meeting.create", id);
    const [updated] = await auditRows(t.db, "meeting.update", id);
    const [deleted] = await auditRows(t.db, "meeting.delete", id);
    expect(created).toMatchObject({ entity: "meeting", unitId, before: null, after: expect.objectContaining({ topic: "审计测试" }) });
    expect(updated).toMatchObject({
      before: expect.objectContaining({ topic: "审计测试" }),
      after: expect.objectContaining({ topic: "审计测试（改）", version: 2 }),
    });
    expect(deleted).toMatchObject({ before: expect.objectContaining({ topic: "审计测试（改）" }), after: null });
  });
});

describe("a quarter whose report is approved is locked", () => {
  it("refuses to create, change, move into or delete meetings of that quarter", async () => {
    const unitId = t.tree.leafA1.id;
    const { id: inQ3 } = await staff.meeting.create(meetingInput(unitId, { date: "2025-08-01" }));
    const { id: inQ2 } = await staff.meeting.create(meetingInput(unitId, { date: "2025-05-20" }));
    await t.db.insert(reports).values({ unitId, quarter: "2025Q3", status: "approved", version: 3 });

    const create = await trpcError(staff.meeting.create(meetingInput(unitId, { date: "2025-09-30" })));
    expect(create.code).toBe("PRECONDITION_FAILED");
    expect(create.message).toMatch(/已审核锁定/);
    expect(
      await outcomeOf(staff.meeting.update({ ...meetingInput(unitId, { date: "2025-08-01", topic: "改" }), id: inQ3, version: 1 })),
    ).toBe("PRECONDITION_FAILED");
    expect(await outcomeOf(staff.meeting.update({ ...meetingInput(unitId, { date: "2025-08-02" }), id: inQ2, version: 1 }))).toBe(
      "PRECONDITION_FAILED",
    );
    expect(await outcomeOf(staff.meeting.delete({ id: inQ3, version: 1 }))).toBe("PRECONDITION_FAILED");
    expect(await outcomeOf(admin.meeting.delete({ id: inQ3, version: 1 }))).toBe("PRECONDITION_FAILED");

    const list = await staff.meeting.list({ unitId, from: "2025Q2", to: "2025Q3" });
    expect(list.lockedQuarters).toEqual(["2025Q3"]);
    expect((await staff.meeting.get({ id: inQ3 })).canWrite).toBe(false);
    // The other quarter is still open.
    expect(await outcomeOf(staff.meeting.update({ ...meetingInput(unitId, { date: "2025-05-21" }), id: inQ2, version: 1 }))).toBe("ok");
  });
});
