import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, reports } from "~/db/schema";
import { meetingQuality } from "~/lib/scoring/meeting-quality";
import { callerFor, createActor } from "../factories";
import { meetingInput, setMembers } from "./meeting-fixtures";
import { useTreeDb } from "./test-db";
import { trpcError } from "./trpc-expect";

/**
 * The inner_life indicators computed from meetings (source "meetings"):
 * I1 三会一课完成率 and I2 组织生活会/民主生活会质量评分.
 */
const t = useTreeDb();
let staff: ReturnType<typeof callerFor>;
const quarter = "2025Q2";
const I1 = "I1_three_one_rate";
const I2 = "I2_life_meeting_quality";

beforeAll(async () => {
  await setMembers(t.db, t.tree.leafA1.id, 5); // small branch: assembly 1 + group 3 + lecture 1 expected
  staff = callerFor(t.db, await createActor(t.db, "staff", t.tree.leafA1));
});

const valueOf = async (code: string, q = quarter) =>
  (await staff.report.get({ unitId: t.tree.leafA1.id, quarter: q })).values.find((v) => v.indicatorCode === code)?.value ?? null;

describe("computed inner_life indicators", () => {
  it("computes I1 and I2 when the report is first saved, ignoring values typed for them", async () => {
    const unitId = t.tree.leafA1.id;
    const life = meetingInput(unitId, { type: "org_life", date: "2025-05-10", criticalOpinions: 5, rectificationItems: 3 });
    await staff.meeting.create(life);
    await staff.meeting.create(meetingInput(unitId, { type: "group", date: "2025-04-10" }));
    await staff.report.save({
      unitId,
      quarter,
      version: 0,
      values: [
        { indicatorCode: I1, value: 100 },
        { indicatorCode: I2, value: "not even a number" }, // ignored, so no error either
        { indicatorCode: "V1_attendance_rate", value: 90 },
      ],
    });
    expect(await valueOf(I1)).toBe(20); // 1 of 5 expected
    expect(await valueOf(I2)).toBe(meetingQuality(life).total);
    expect(await valueOf("V1_attendance_rate")).toBe(90);
  });

  it("refreshes the draft's values after each meeting change without bumping its version, audited as report.compute", async () => {
    const unitId = t.tree.leafA1.id;
    const before = await staff.report.get({ unitId, quarter });
    const { id } = await staff.meeting.create(meetingInput(unitId, { type: "party_lecture", date: "2025-06-03" }));
    await staff.meeting.create(meetingInput(unitId, { type: "group", date: "2025-05-11" }));
    const after = await staff.report.get({ unitId, quarter });
    expect(after.version).toBe(before.version); // an open form stays valid
    expect(await valueOf(I1)).toBe(60);

    const computeRows = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "report.compute"), eq(auditLog.unitId, unitId)))
      .orderBy(auditLog.id);
    expect(computeRows.at(-1)).toMatchObject({
      entity: "report",
      before: { quarter, values: { [I1]: 40 } },
      after: { quarter, values: { [I1]: 60 } },
    });

    // The staff member's open form still saves (same version) and cannot overwrite I1.
    await staff.report.save({ unitId, quarter, version: before.version, values: [{ indicatorCode: I1, value: 0 }] });
    expect(await valueOf(I1)).toBe(60);

    await staff.meeting.delete({ id, version: 1 });
    expect(await valueOf(I1)).toBe(40);
  });

  it("clears I2 when the quarter's last life meeting goes, and moves values when a meeting changes quarter", async () => {
    const unitId = t.tree.leafA1.id;
    const { meetings } = await staff.meeting.list({ unitId, from: quarter, to: quarter, type: "org_life" });
    expect(meetings).toHaveLength(1);
    const m = meetings[0]!;
    await staff.report.save({ unitId, quarter: "2025Q3", version: 0, values: [] });
    expect(await valueOf(I2, "2025Q3")).toBeNull();
    await staff.meeting.update({ ...meetingInput(unitId, { type: "org_life", date: "2025-07-02" }), id: m.id, version: m.version });
    expect(await valueOf(I2)).toBeNull();
    expect(await valueOf(I2, "2025Q3")).not.toBeNull();
  });

  it("does not touch a submitted report, and lets it be submitted without typed I1/I2", async () => {
    const unitId = t.tree.leafA1.id;
    const q = "2025Q1";
    await t.db.insert(reports).values({ unitId, quarter: q, status: "submitted", version: 2 });
    await staff.meeting.create(meetingInput(unitId, { type: "group", date: "2025-01-20" }));
    expect(await valueOf(I1, q)).toBeNull();
  });

  it("leaves no value for a unit of which nothing is expected, and does not require one to submit", async () => {
    // branchA is a Party committee: no 三会一课 expected, so no I1; no life meeting, so no I2.
    const committeeStaff = callerFor(t.db, await createActor(t.db, "staff", t.tree.branchA));
    const unitId = t.tree.branchA.id;
    await committeeStaff.report.save({ unitId, quarter, version: 0, values: [{ indicatorCode: I1, value: 100 }] });
    const r = await committeeStaff.report.get({ unitId, quarter });
    expect(r.values.find((v) => v.indicatorCode === I1)).toBeUndefined();
    const err = await trpcError(committeeStaff.report.submit({ unitId, quarter, version: r.version }));
    const fields = Object.keys((err.cause as unknown as { fieldErrors: Record<string, string> }).fieldErrors);
    expect(fields).not.toContain(`values.${I1}`);
    expect(fields).toContain("businessScore");
  });
});
