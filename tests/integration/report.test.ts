import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, reportValues, reports } from "~/db/schema";
import { callerFor, createActor } from "../factories";
import { useTreeDb } from "./test-db";
import { fieldErrorsOf, trpcError } from "./trpc-expect";

const t = useTreeDb();
/** The values staff typed in (三会一课完成率 is computed from meeting records: tests/integration/meeting-indicators.test.ts). */
const typed = (values: { indicatorCode: string; value: number }[]) =>
  values.filter((v) => !v.indicatorCode.startsWith("I1_") && !v.indicatorCode.startsWith("I2_"));
let staff: ReturnType<typeof callerFor>;
let staffId: number;

beforeAll(async () => {
  const actor = await createActor(t.db, "staff", t.tree.leafA1);
  staffId = actor.id;
  staff = callerFor(t.db, actor);
});

describe("report.get / report.save", () => {
  it("reads a report that does not exist yet as an empty draft of version 0", async () => {
    const r = await staff.report.get({ unitId: t.tree.leafA1.id, quarter: "2026Q2" });
    expect(r).toMatchObject({ unitId: t.tree.leafA1.id, quarter: "2026Q2", status: "draft", version: 0, values: [] });
  });

  it("saves values and the business score, and reads them back", async () => {
    const saved = await staff.report.save({
      unitId: t.tree.leafA1.id,
      quarter: "2026Q2",
      version: 0,
      businessScore: 88.5,
      values: [
        { indicatorCode: "V1_attendance_rate", value: 92 },
        { indicatorCode: "L1_topic_meetings", value: "2" },
      ],
    });
    expect(saved).toEqual({ version: 1 });
    const r = await staff.report.get({ unitId: t.tree.leafA1.id, quarter: "2026Q2" });
    expect(r.version).toBe(1);
    expect(r.businessScore).toBe(88.5);
    expect(typed(r.values)).toEqual([
      { indicatorCode: "L1_topic_meetings", value: 2 },
      { indicatorCode: "V1_attendance_rate", value: 92 },
    ]);
  });

  it("upserts by indicator and clears a value sent as null", async () => {
    const { version } = await staff.report.save({
      unitId: t.tree.leafA1.id,
      quarter: "2026Q2",
      version: 1,
      values: [
        { indicatorCode: "V1_attendance_rate", value: 80 },
        { indicatorCode: "L1_topic_meetings", value: null },
      ],
    });
    expect(version).toBe(2);
    const r = await staff.report.get({ unitId: t.tree.leafA1.id, quarter: "2026Q2" });
    expect(typed(r.values)).toEqual([{ indicatorCode: "V1_attendance_rate", value: 80 }]);
    expect(r.businessScore).toBe(88.5); // not sent → unchanged
  });

  it("refuses a stale version with CONFLICT naming who saved it, and keeps the newer values", async () => {
    const err = await trpcError(
      staff.report.save({
        unitId: t.tree.leafA1.id,
        quarter: "2026Q2",
        version: 1,
        values: [{ indicatorCode: "V1_attendance_rate", value: 10 }],
      }),
    );
    expect(err.code).toBe("CONFLICT");
    expect(err.message).toContain("测试staff");
    expect(err.message).toContain("版本 2");
    const r = await staff.report.get({ unitId: t.tree.leafA1.id, quarter: "2026Q2" });
    expect(typed(r.values)).toEqual([{ indicatorCode: "V1_attendance_rate", value: 80 }]);
  });

  it("refuses a second first-save of the same report (version 0 twice)", async () => {
    const input = { unitId: t.tree.leafA1.id, quarter: "2026Q1", version: 0, values: [] };
    await staff.report.save(input);
    expect((await trpcError(staff.report.save(input))).code).toBe("CONFLICT");
  });

  it("refuses bad values with a message per field and saves nothing", async () => {
    const before = await staff.report.get({ unitId: t.tree.leafA1.id, quarter: "2026Q2" });
    const fieldErrors = await fieldErrorsOf(
      staff.report.save({
        unitId: t.tree.leafA1.id,
        quarter: "2026Q2",
        version: before.version,
        businessScore: 130,
        values: [
          { indicatorCode: "V1_attendance_rate", value: 120 },
          { indicatorCode: "L2_secretary_lectures", value: -1 },
          { indicatorCode: "M3_training_hours", value: "abc" },
          { indicatorCode: "V2_volunteer_rate", value: 50 }, // valid, but must not be saved either
        ],
      }),
    );
    expect(Object.keys(fieldErrors).sort()).toEqual(
      ["businessScore", "values.L2_secretary_lectures", "values.M3_training_hours", "values.V1_attendance_rate"].sort(),
    );
    expect(fieldErrors["values.V1_attendance_rate"]).toMatch(/0 到 100/);
    const after = await staff.report.get({ unitId: t.tree.leafA1.id, quarter: "2026Q2" });
    expect(after).toEqual(before);
  });

  it("refuses malformed input (quarter format, non-integer ids) as BAD_REQUEST", async () => {
    for (const input of [
      { unitId: t.tree.leafA1.id, quarter: "2026-Q2", version: 0, values: [] },
      { unitId: t.tree.leafA1.id, quarter: "2026Q5", version: 0, values: [] },
      { unitId: 1.5, quarter: "2026Q2", version: 0, values: [] },
      { unitId: t.tree.leafA1.id, quarter: "2026Q2", version: -1, values: [] },
    ]) {
      expect((await trpcError(staff.report.save(input))).code).toBe("BAD_REQUEST");
    }
  });

  it("refuses a quarter that has not started", async () => {
    const fieldErrors = await fieldErrorsOf(staff.report.save({ unitId: t.tree.leafA1.id, quarter: "2099Q1", version: 0, values: [] }));
    expect(fieldErrors.quarter).toMatch(/尚未开始/);
  });

  it("refuses edits to submitted and approved reports", async () => {
    for (const [quarter, status] of [
      ["2025Q3", "submitted"],
      ["2025Q4", "approved"],
    ] as const) {
      await t.db.insert(reports).values({ unitId: t.tree.leafA1.id, quarter, status, version: 3 });
      const err = await trpcError(staff.report.save({ unitId: t.tree.leafA1.id, quarter, version: 3, values: [] }));
      expect(err.code).toBe("PRECONDITION_FAILED");
    }
  });

  it("writes an audit row with before and after in the same transaction", async () => {
    const r = await staff.report.get({ unitId: t.tree.leafA1.id, quarter: "2026Q2" });
    await staff.report.save({
      unitId: t.tree.leafA1.id,
      quarter: "2026Q2",
      version: r.version,
      values: [{ indicatorCode: "V1_attendance_rate", value: 66 }],
    });
    const [report] = await t.db
      .select()
      .from(reports)
      .where(and(eq(reports.unitId, t.tree.leafA1.id), eq(reports.quarter, "2026Q2")));
    const rows = await t.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, String(report!.id)));
    const last = rows.at(-1)!;
    expect(last).toMatchObject({ action: "report.save", entity: "report", actorId: staffId, unitId: t.tree.leafA1.id });
    expect(last.before).toMatchObject({ values: { V1_attendance_rate: 80 } });
    expect(last.after).toMatchObject({ values: { V1_attendance_rate: 66 }, version: r.version + 1 });
  });

  it("keeps no partial values when a refused save would have touched them", async () => {
    const [report] = await t.db
      .select()
      .from(reports)
      .where(and(eq(reports.unitId, t.tree.leafA1.id), eq(reports.quarter, "2026Q2")));
    const count = async () => (await t.db.select().from(reportValues).where(eq(reportValues.reportId, report!.id))).length;
    const n = await count();
    await trpcError(
      staff.report.save({
        unitId: t.tree.leafA1.id,
        quarter: "2026Q2",
        version: report!.version,
        values: [
          { indicatorCode: "V2_volunteer_rate", value: 10 },
          { indicatorCode: "no_such_indicator", value: 1 },
        ],
      }),
    );
    expect(await count()).toBe(n);
  });

  it("refuses callers who are not signed in", async () => {
    const anonymous = callerFor(t.db, null);
    const err = await trpcError(anonymous.report.get({ unitId: t.tree.leafA1.id, quarter: "2026Q2" }));
    expect(err.code).toBe("UNAUTHORIZED");
  });
});
