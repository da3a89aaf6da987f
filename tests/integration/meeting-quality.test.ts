import { beforeAll, describe, expect, it } from "vitest";
import type { MeetingType } from "~/lib/codes";
import { callerFor, createActor, createUnit } from "../factories";
import { meetingInput, setMembers } from "./meeting-fixtures";
import { fieldErrorsOf, outcomeOf } from "./trpc-expect";
import { useTreeDb } from "./test-db";

/**
 * dashboard.meetingQuality: 三会一课 completion of a subtree per quarter and type, the quality
 * score histogram, the formalism flags, and the scope of the caller.
 *
 *   root ─┬─ branchA ─── 质量测试机关党委 (committee) ─┬─ big  (12 members: 支委会 expected)
 *         │                                            └─ small (5 members: no 支委会)
 *         └─ branchB ─── outsider (meetings that must never be counted)
 */
const t = useTreeDb();
let admin: ReturnType<typeof callerFor>;
let committee: Awaited<ReturnType<typeof createUnit>>;
let big: Awaited<ReturnType<typeof createUnit>>;
let small: Awaited<ReturnType<typeof createUnit>>;
let silentLife: number;

async function hold(unitId: number, type: MeetingType, dates: string[], over: Parameters<typeof meetingInput>[1] = {}) {
  const ids: number[] = [];
  for (const date of dates) ids.push((await admin.meeting.create(meetingInput(unitId, { type, date, ...over }))).id);
  return ids;
}

beforeAll(async () => {
  admin = callerFor(t.db, await createActor(t.db, "admin", t.tree.root));
  committee = await createUnit(t.db, { name: "质量测试机关党委", type: "committee", parent: t.tree.branchA });
  big = await createUnit(t.db, { name: "质量测试大支部", parent: committee });
  small = await createUnit(t.db, { name: "质量测试小支部", parent: committee });
  const outsider = await createUnit(t.db, { name: "范围外支部", parent: t.tree.branchB });
  await setMembers(t.db, big.id, 12);
  await setMembers(t.db, small.id, 5);
  await setMembers(t.db, outsider.id, 12);

  // 2025Q1, big branch: 支委会 3 recorded, one without a quorum; 党小组会 4 (one more than needed); 党课 1; no 党员大会.
  await hold(big.id, "committee", ["2025-01-08", "2025-02-12"], { expected: 5, present: 4 });
  await hold(big.id, "committee", ["2025-03-11"], { expected: 6, present: 3 }); // exactly half: not valid
  await hold(big.id, "group", ["2025-01-15", "2025-02-15", "2025-03-15", "2025-03-16"]);
  await hold(big.id, "party_lecture", ["2025-02-20"]);
  // 2025Q1, small branch: 党员大会 1, 党小组会 3, no 党课; its 支委会 are not expected (fewer than 7 members).
  await hold(small.id, "branch_assembly", ["2025-03-05"], { expected: 5, present: 5 });
  await hold(small.id, "group", ["2025-01-20", "2025-02-20", "2025-03-20"]);
  // Not counted: the committee itself owes no 三会一课, the outsider is out of the subtree.
  await hold(committee.id, "group", ["2025-01-09"]);
  await hold(outsider.id, "party_lecture", ["2025-02-01", "2025-02-02"]);
  // A formalism flag: an 组织生活会 with no criticism (2025Q2), and one thin, poorly attended meeting.
  silentLife = (await hold(big.id, "org_life", ["2025-05-10"], { criticalOpinions: 0 }))[0]!;
  await hold(small.id, "group", ["2025-04-10"], {
    expected: 10,
    present: 1,
    solicitedOpinions: false,
    criticalOpinions: 0,
    rectificationItems: 0,
    minutes: "",
  });
});

const quality = (unitId: number, from = "2025Q1", to = "2025Q2", caller = admin) => caller.dashboard.meetingQuality({ unitId, from, to });

describe("dashboard.meetingQuality", () => {
  it("counts 三会一课 held against what each unit must hold, per quarter and type", async () => {
    const q = await quality(committee.id);
    expect(q).toMatchObject({ unitId: committee.id, unitName: "质量测试机关党委", from: "2025Q1", to: "2025Q2" });
    expect(q.breadcrumb.map((b) => b.id)).toEqual([t.tree.root.id, t.tree.branchA.id, committee.id]);
    const at = (quarter: string, type: MeetingType) => q.completion.find((c) => c.quarter === quarter && c.type === type);
    expect(q.completion).toHaveLength(2 * 4);
    // 党员大会: each branch owes 1, only the small one held it.
    expect(at("2025Q1", "branch_assembly")).toEqual({ quarter: "2025Q1", type: "branch_assembly", held: 1, required: 2, rate: 50 });
    // 支委会: only the big branch owes 3; 2 count (one lacked a quorum).
    expect(at("2025Q1", "committee")).toEqual({ quarter: "2025Q1", type: "committee", held: 2, required: 3, rate: 66.7 });
    // 党小组会: 7 held of 6 owed, but the big branch's extra one does not count twice: 100 %.
    expect(at("2025Q1", "group")).toEqual({ quarter: "2025Q1", type: "group", held: 7, required: 6, rate: 100 });
    // 党课: one of two branches; the outsider's lectures are not in this subtree.
    expect(at("2025Q1", "party_lecture")).toEqual({ quarter: "2025Q1", type: "party_lecture", held: 1, required: 2, rate: 50 });
    // 2025Q2: one 党小组会 of six owed.
    expect(at("2025Q2", "group")).toMatchObject({ held: 1, required: 6, rate: 16.7 });
    expect(at("2025Q2", "party_lecture")).toMatchObject({ held: 0, required: 2, rate: 0 });
  });

  it("puts every meeting of the subtree in one bucket of the quality histogram", async () => {
    const q = await quality(committee.id);
    expect(q.distribution.map((d) => d.bucket)).toEqual([
      "0-10",
      "10-20",
      "20-30",
      "30-40",
      "40-50",
      "50-60",
      "60-70",
      "70-80",
      "80-90",
      "90-100",
    ]);
    const scores: number[] = [];
    for (const unit of [committee, big, small]) {
      const list = await admin.meeting.list({ unitId: unit.id, from: "2025Q1", to: "2025Q2" });
      scores.push(...list.meetings.map((m) => m.qualityScore));
    }
    expect(scores).toHaveLength(15);
    const expected = Array.from({ length: 10 }, (_, i) => scores.filter((s) => Math.min(Math.floor(s / 10), 9) === i).length);
    expect(q.distribution.map((d) => d.count)).toEqual(expected);
    // The thin, poorly attended meeting sits in the lowest bucket.
    expect(q.distribution[0]!.count).toBeGreaterThanOrEqual(1);
  });

  it("counts the formalism flags by kind; meeting.flagsPage lists them with the meetings they point to", async () => {
    const q = await quality(committee.id);
    // The silent 组织生活会, the poorly attended 党小组会 and the 支委会 with half its members (3 of 6).
    expect(q.flagCounts.kinds).toEqual({ zero_criticism: 1, low_attendance: 2 });
    expect(q.flagCounts.total).toBe(Object.values(q.flagCounts.kinds).reduce((a, b) => a + b, 0));
    const { rows: flags, total } = await admin.meeting.flagsPage({ unitId: committee.id, from: "2025Q1", to: "2025Q2", limit: 200 });
    expect(total).toBe(q.flagCounts.total);
    expect(flags).toContainEqual(
      expect.objectContaining({
        unitId: big.id,
        unitName: "质量测试大支部",
        quarter: "2025Q2",
        meetingId: silentLife,
        kind: "zero_criticism",
      }),
    );
    expect(flags).toContainEqual(expect.objectContaining({ unitId: small.id, kind: "low_attendance" }));
    expect(flags.every((f) => [committee.id, big.id, small.id].includes(f.unitId))).toBe(true);
  });

  it("narrows to the quarter asked for", async () => {
    const q = await quality(committee.id, "2025Q2", "2025Q2");
    expect(q.completion.map((c) => c.quarter)).toEqual(["2025Q2", "2025Q2", "2025Q2", "2025Q2"]);
    expect(q.distribution.reduce((n, d) => n + d.count, 0)).toBe(2);
    const page = await admin.meeting.flagsPage({ unitId: committee.id, from: "2025Q2", to: "2025Q2" });
    expect(page.total).toBe(q.flagCounts.total);
    expect(page.rows.every((f) => f.quarter === "2025Q2")).toBe(true);
  });

  it("refuses a unit outside the caller's scope, and staff read their own unit only", async () => {
    const otherLeader = callerFor(t.db, await createActor(t.db, "leader", t.tree.branchB));
    expect(await outcomeOf(quality(committee.id, "2025Q1", "2025Q2", otherLeader))).toBe("FORBIDDEN");
    const staff = callerFor(t.db, await createActor(t.db, "staff", big));
    expect(await outcomeOf(quality(committee.id, "2025Q1", "2025Q2", staff))).toBe("FORBIDDEN");
    const own = await quality(big.id, "2025Q1", "2025Q1", staff);
    expect(own.completion.find((c) => c.type === "group")).toMatchObject({ held: 4, required: 3, rate: 100 });
    expect(own.distribution.reduce((n, d) => n + d.count, 0)).toBe(8);
  });

  it("refuses a reversed, too long or malformed range with a message on the field", async () => {
    expect((await fieldErrorsOf(quality(committee.id, "2025Q3", "2025Q1"))).from).toContain("起始季度不能晚于结束季度");
    expect((await fieldErrorsOf(quality(committee.id, "2010Q1", "2025Q1"))).from).toContain("40 个季度");
    expect((await fieldErrorsOf(quality(committee.id, "2025-1", "2025Q1"))).from).toContain("季度格式");
  });

  it("follows the admin-edited frequency rules (a yearly 党课 is owed in Q4 and counted over the year)", async () => {
    const settings = await admin.settings.get();
    const current = settings.find((s) => s.key === "meetingFrequencies")!;
    await admin.settings.update({
      key: "meetingFrequencies",
      version: current.version,
      value: { ...(current.value as object), party_lecture: { min: 1, per: "year" } },
    });
    const q = await quality(committee.id, "2025Q1", "2025Q4");
    const lecture = q.completion.filter((c) => c.type === "party_lecture");
    expect(lecture.map((c) => c.required)).toEqual([0, 0, 0, 2]);
    expect(lecture.map((c) => c.rate)).toEqual([null, null, null, 50]); // the big branch's Q1 lecture counts for the year
  });
});
