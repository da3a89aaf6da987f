import { beforeAll, describe, expect, it } from "vitest";
import { callerFor, createActor, createUnit } from "../factories";
import { meetingInput, minutesTexts, nearCopy, setMembers } from "./meeting-fixtures";
import { useTreeDb } from "./test-db";

/** meeting.flags: each formalism flag with a case that raises it and one that must not. */
const t = useTreeDb();
let admin: ReturnType<typeof callerFor>;

beforeAll(async () => {
  admin = callerFor(t.db, await createActor(t.db, "admin", t.tree.root));
});

async function freshUnit(name: string, parent = t.tree.branchA) {
  const unit = await createUnit(t.db, { name, parent });
  await setMembers(t.db, unit.id, 10);
  return unit;
}

const flagsOf = (unitId: number, from = "2025Q1", to = "2025Q4") => admin.meeting.flags({ unitId, from, to });

describe("meeting.flags", () => {
  it("flags zero criticism at 组织生活会 / 民主生活会 only", async () => {
    const unit = await freshUnit("零批评测试支部");
    const { id: silent } = await admin.meeting.create(meetingInput(unit.id, { type: "org_life", date: "2025-06-10", criticalOpinions: 0 }));
    await admin.meeting.create(meetingInput(unit.id, { type: "org_life", date: "2025-06-11", criticalOpinions: 6 }));
    await admin.meeting.create(meetingInput(unit.id, { type: "group", date: "2025-06-12", criticalOpinions: 0 })); // not a life meeting
    const flags = (await flagsOf(unit.id)).filter((f) => f.kind === "zero_criticism");
    expect(flags).toEqual([
      expect.objectContaining({
        unitId: unit.id,
        unitName: "零批评测试支部",
        quarter: "2025Q2",
        meetingId: silent,
        meetingType: "org_life",
        date: "2025-06-10",
        evidence: { type: "org_life", date: "2025-06-10", count: 0 },
      }),
    ]);
  });

  it("flags attendance under two thirds, and not at exactly two thirds", async () => {
    const unit = await freshUnit("出勤测试支部");
    const { id: low } = await admin.meeting.create(meetingInput(unit.id, { date: "2025-04-10", expected: 12, present: 7 }));
    await admin.meeting.create(meetingInput(unit.id, { date: "2025-04-11", expected: 12, present: 8 })); // exactly 2/3
    const flags = (await flagsOf(unit.id)).filter((f) => f.kind === "low_attendance");
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ meetingId: low, evidence: { present: 7, expected: 12, ratio: 0.58 } });
  });

  it("flags minutes copied from another unit's meeting, with the other meeting as evidence", async () => {
    const source = await freshUnit("被抄袭支部", t.tree.branchB);
    const copier = await freshUnit("抄袭支部");
    const { id: original } = await admin.meeting.create(meetingInput(source.id, { date: "2025-05-08", minutes: minutesTexts.budget }));
    // Another unit may copy an earlier or a later record: either way both are the same text.
    const { id: copy } = await admin.meeting.create(meetingInput(copier.id, { date: "2025-04-02", minutes: nearCopy(minutesTexts.budget) }));
    const flags = (await flagsOf(copier.id)).filter((f) => f.kind === "copied_minutes");
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({
      meetingId: copy,
      evidence: { otherMeetingId: original, otherUnitId: source.id, otherUnitName: "被抄袭支部", otherDate: "2025-05-08", sameUnit: false },
    });
    const similarity = flags[0]!.evidence.similarity as number;
    expect(similarity).toBeGreaterThanOrEqual(0.8);
    expect(similarity).toBeLessThan(1);
    expect(Math.round(similarity * 100)).toBe(similarity * 100); // two decimals
  });

  it("flags minutes copied from an earlier meeting of the same unit, not the earlier meeting itself", async () => {
    const unit = await freshUnit("自我抄袭支部");
    const { id: first } = await admin.meeting.create(meetingInput(unit.id, { type: "party_lecture", date: "2025-03-05", minutes: minutesTexts.lecture }));
    const { id: second } = await admin.meeting.create(meetingInput(unit.id, { type: "party_lecture", date: "2025-06-05", minutes: minutesTexts.lecture }));
    const flags = (await flagsOf(unit.id)).filter((f) => f.kind === "copied_minutes");
    expect(flags.map((f) => f.meetingId)).toEqual([second]);
    expect(flags[0]!.evidence).toMatchObject({ otherMeetingId: first, sameUnit: true, similarity: 1 });
  });

  it("does not flag meetings that merely share a topic, nor short minutes", async () => {
    const unit = await freshUnit("同题不同文支部");
    const topic = "学习贯彻党的二十届四中全会精神";
    for (const [date, minutes] of [
      ["2025-07-03", minutesTexts.inspection],
      ["2025-08-03", minutesTexts.volunteer],
      ["2025-08-20", "传达学习文件，党员交流体会。"],
      ["2025-09-02", "传达学习文件，党员交流体会。"], // identical, but too short to judge
    ] as const) {
      await admin.meeting.create(meetingInput(unit.id, { date, topic, minutes }));
    }
    expect((await flagsOf(unit.id)).filter((f) => f.kind === "copied_minutes")).toEqual([]);
  });

  it("flags a quarter whose three or more meetings all fall in its last 10 days", async () => {
    const unit = await freshUnit("季末突击支部");
    for (const date of ["2025-09-21", "2025-09-26", "2025-09-30"]) await admin.meeting.create(meetingInput(unit.id, { date }));
    // Q4: three meetings, one a day before the window (21 Dec is 11 days before the end).
    for (const date of ["2025-12-21", "2025-12-28", "2025-12-30"]) await admin.meeting.create(meetingInput(unit.id, { date }));
    // Q2: only two meetings, both at the end.
    for (const date of ["2025-06-25", "2025-06-30"]) await admin.meeting.create(meetingInput(unit.id, { date }));
    const flags = (await flagsOf(unit.id)).filter((f) => f.kind === "quarter_end_bunching");
    expect(flags).toEqual([
      expect.objectContaining({
        unitId: unit.id,
        quarter: "2025Q3",
        meetingId: null,
        evidence: { count: 3, firstDate: "2025-09-21", lastDate: "2025-09-30" },
      }),
    ]);
  });

  it("covers the subtree for a leader and only their own unit for staff", async () => {
    const unit = await freshUnit("范围测试支部");
    await admin.meeting.create(meetingInput(unit.id, { type: "org_life", date: "2025-11-03", criticalOpinions: 0 }));
    const leader = callerFor(t.db, await createActor(t.db, "leader", t.tree.branchA));
    const fromBranch = await leader.meeting.flags({ unitId: t.tree.branchA.id, from: "2025Q4", to: "2025Q4" });
    expect(fromBranch.some((f) => f.unitId === unit.id && f.kind === "zero_criticism")).toBe(true);
    expect(await leader.meeting.flags({ unitId: t.tree.branchA.id, from: "2025Q4", to: "2025Q4", subtree: false })).toEqual([]);
    const leaderB = callerFor(t.db, await createActor(t.db, "leader", t.tree.branchB));
    expect(await leaderB.meeting.flags({ unitId: t.tree.branchB.id, from: "2025Q4", to: "2025Q4" })).toEqual([]);
    const staff = callerFor(t.db, await createActor(t.db, "staff", unit));
    const own = await staff.meeting.flags({ unitId: unit.id, from: "2025Q4", to: "2025Q4" });
    expect(own.map((f) => f.kind)).toEqual(["zero_criticism"]);
  });

  it("says whether the caller may open the other meeting of a copied pair", async () => {
    const source = await freshUnit("范围外来源支部", t.tree.branchB);
    const copier = await freshUnit("范围内抄袭支部");
    const text = minutesTexts.lifeMeeting.replace("十二条", "九条");
    await admin.meeting.create(meetingInput(source.id, { type: "org_life", date: "2025-10-09", minutes: text }));
    await admin.meeting.create(meetingInput(copier.id, { type: "org_life", date: "2025-10-20", minutes: nearCopy(text) }));
    const staff = callerFor(t.db, await createActor(t.db, "staff", copier));
    const [flag] = (await staff.meeting.flags({ unitId: copier.id, from: "2025Q4", to: "2025Q4" })).filter((f) => f.kind === "copied_minutes");
    expect(flag?.evidence).toMatchObject({ otherUnitName: "范围外来源支部", otherReadable: false });
    const [asAdmin] = (await flagsOf(copier.id, "2025Q4", "2025Q4")).filter((f) => f.kind === "copied_minutes");
    expect(asAdmin?.evidence.otherReadable).toBe(true);
  });
});
