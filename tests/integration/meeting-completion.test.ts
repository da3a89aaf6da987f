import { beforeAll, describe, expect, it } from "vitest";
import type { MeetingType } from "~/lib/codes";
import { callerFor, createActor, createUnit } from "../factories";
import { meetingInput, setMembers } from "./meeting-fixtures";
import { useTreeDb } from "./test-db";

/**
 * meeting.completion: expected vs held per type from the frequency rules setting
 * (per month → 3 × min a quarter, per quarter → min, per year → counted over the calendar
 * year and expected in Q4 only), the small-branch rule and the quorum of 支委会 / 党员大会.
 */
const t = useTreeDb();
let admin: ReturnType<typeof callerFor>;

beforeAll(async () => {
  admin = callerFor(t.db, await createActor(t.db, "admin", t.tree.root));
});

async function hold(
  unitId: number,
  type: MeetingType,
  dates: string[],
  attendance: { expected: number; present: number } = { expected: 10, present: 9 },
) {
  for (const date of dates) await admin.meeting.create(meetingInput(unitId, { type, date, ...attendance }));
}

const byType = <R extends { type: MeetingType }>(rows: R[]) => Object.fromEntries(rows.map((r) => [r.type, r])) as Record<MeetingType, R>;

describe("meeting.completion", () => {
  it("expects monthly and quarterly meetings of a branch, counting 支委会 only with more than half present", async () => {
    const unit = await createUnit(t.db, { name: "完成率测试党支部", parent: t.tree.branchA });
    await setMembers(t.db, unit.id, 12);
    await hold(unit.id, "committee", ["2025-01-08", "2025-02-12"], { expected: 5, present: 3 });
    await hold(unit.id, "committee", ["2025-03-11"], { expected: 6, present: 3 }); // exactly half: not valid
    await hold(unit.id, "branch_assembly", ["2025-03-20"], { expected: 12, present: 6 }); // exactly half: not valid
    await hold(unit.id, "group", ["2025-01-15", "2025-02-15", "2025-03-15", "2025-03-16"]);
    await hold(unit.id, "party_lecture", ["2025-02-20"]);

    const c = await admin.meeting.completion({ unitId: unit.id, quarter: "2025Q1" });
    const rows = byType(c.rows);
    expect(rows.committee).toMatchObject({ expected: 3, held: 2, recorded: 3, status: "short" });
    expect(rows.branch_assembly).toMatchObject({ expected: 1, held: 0, recorded: 1, status: "short" });
    expect(rows.group).toMatchObject({ expected: 3, held: 4, status: "met" });
    expect(rows.party_lecture).toMatchObject({ expected: 1, held: 1, status: "met" });
    expect(rows.org_life).toMatchObject({ expected: 0, status: "not_required", window: "year" });
    expect(rows.democratic_life).toMatchObject({ expected: 0, status: "not_required" });
    // (2 + 0 + 3 + 1) / (3 + 1 + 3 + 1): extra group meetings do not make up for missing ones.
    expect(c.threeOneRate).toBe(75);

    await hold(unit.id, "branch_assembly", ["2025-03-27"], { expected: 12, present: 7 });
    expect((await admin.meeting.completion({ unitId: unit.id, quarter: "2025Q1" })).threeOneRate).toBe(87.5);
  });

  it("expects no committee meetings of a branch with fewer than 7 members (no 支部委员会)", async () => {
    const unit = await createUnit(t.db, { name: "小支部", parent: t.tree.branchA });
    await setMembers(t.db, unit.id, 6);
    await hold(unit.id, "group", ["2025-04-10", "2025-05-10", "2025-06-10"]);
    await hold(unit.id, "party_lecture", ["2025-05-20"]);
    const c = await admin.meeting.completion({ unitId: unit.id, quarter: "2025Q2" });
    expect(byType(c.rows).committee).toMatchObject({ expected: 0, status: "not_required" });
    expect(byType(c.rows).branch_assembly).toMatchObject({ expected: 1, held: 0 });
    expect(c.threeOneRate).toBe(80); // (0 + 3 + 1) / (1 + 3 + 1)

    await setMembers(t.db, unit.id, 7);
    expect(byType((await admin.meeting.completion({ unitId: unit.id, quarter: "2025Q2" })).rows).committee.expected).toBe(3);
  });

  it("counts yearly meetings over the calendar year and expects them in Q4 only", async () => {
    const unit = await createUnit(t.db, { name: "年度会议党支部", parent: t.tree.branchA });
    await setMembers(t.db, unit.id, 9);
    await hold(unit.id, "org_life", ["2025-05-28"]);
    await hold(unit.id, "org_life", ["2024-12-20"]); // last year: does not count for 2025

    const q2 = byType((await admin.meeting.completion({ unitId: unit.id, quarter: "2025Q2" })).rows);
    expect(q2.org_life).toMatchObject({ expected: 0, held: 1, status: "not_required", window: "year" });
    const q4 = byType((await admin.meeting.completion({ unitId: unit.id, quarter: "2025Q4" })).rows);
    expect(q4.org_life).toMatchObject({ expected: 1, held: 1, status: "met" });
    expect(q4.member_review).toMatchObject({ expected: 1, held: 0, status: "short" });
    expect(q4.democratic_life).toMatchObject({ expected: 0, status: "not_required" }); // leadership teams only
    const q1Next = byType((await admin.meeting.completion({ unitId: unit.id, quarter: "2026Q1" })).rows);
    expect(q1Next.org_life.held).toBe(0);
  });

  it("expects only the 民主生活会 of a Party committee (leadership team), and no rate", async () => {
    const q4 = await admin.meeting.completion({ unitId: t.tree.branchB.id, quarter: "2025Q4" });
    const rows = byType(q4.rows);
    expect(rows.democratic_life).toMatchObject({ expected: 1, held: 0, status: "short" });
    expect(rows.group.expected + rows.committee.expected + rows.org_life.expected).toBe(0);
    expect(q4.threeOneRate).toBeNull();
  });

  it("follows the admin-edited frequency rules", async () => {
    const unit = await createUnit(t.db, { name: "规则测试党支部", parent: t.tree.branchA });
    await setMembers(t.db, unit.id, 10);
    const settings = await admin.settings.get();
    const current = settings.find((s) => s.key === "meetingFrequencies")!;
    await admin.settings.update({
      key: "meetingFrequencies",
      version: current.version,
      value: { ...(current.value as object), group: { min: 2, per: "quarter" }, party_lecture: { min: 1, per: "year" } },
    });
    const rows = byType((await admin.meeting.completion({ unitId: unit.id, quarter: "2025Q3" })).rows);
    expect(rows.group.expected).toBe(2);
    expect(rows.party_lecture).toMatchObject({ expected: 0, window: "year" });
  });
});
