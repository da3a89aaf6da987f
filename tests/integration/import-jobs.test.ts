import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, importJobs, reportValues, reports } from "~/db/schema";
import { executeImportJob } from "~/server/services/import-job/execute";
import { claimImportJob, importRunnerIdle, runNextImportJob } from "~/server/services/import-job/runner";
import { callerFor, createActor } from "../factories";
import { workbook } from "./spreadsheet-fixtures";
import { useTreeDb } from "./test-db";
import { trpcError } from "./trpc-expect";

/**
 * Imports as background jobs (issue #13): progress kept in PostgreSQL, the result readable
 * afterwards, atomic whatever happens — a crash before the commit leaves nothing, and a job a
 * dead server left running is taken up again and finishes once.
 */

const t = useTreeDb();
type Caller = ReturnType<typeof callerFor>;
let staff: Caller; // at leafA1
let otherStaff: Caller; // at leafB1
let leader: Caller; // at branchA
let staffActor: Awaited<ReturnType<typeof createActor>>;

beforeAll(async () => {
  staffActor = await createActor(t.db, "staff", t.tree.leafA1);
  staff = callerFor(t.db, staffActor);
  otherStaff = callerFor(t.db, await createActor(t.db, "staff", t.tree.leafB1));
  leader = callerFor(t.db, await createActor(t.db, "leader", t.tree.branchA));
});

async function finished(caller: Caller, id: number) {
  await importRunnerIdle();
  for (let i = 0; i < 100; i++) {
    const job = await caller.importJob.get({ id });
    if (job.status === "succeeded" || job.status === "failed") return job;
    await new Promise((r) => setTimeout(r, 100));
    await importRunnerIdle();
  }
  throw new Error("job did not finish");
}

const storedValue = async (unitId: number, quarter: string, code: string) => {
  const [row] = await t.db
    .select({ value: reportValues.value })
    .from(reportValues)
    .innerJoin(reports, eq(reports.id, reportValues.reportId))
    .where(and(eq(reports.unitId, unitId), eq(reports.quarter, quarter), eq(reportValues.indicatorCode, code)));
  return row?.value ?? null;
};

describe("an import run as a background job", () => {
  it("answers at once with a job id, checks and writes in the background, and keeps counts and audit rows", async () => {
    const unitId = t.tree.leafA1.id;
    const { id } = await staff.importJob.start(
      await workbook([
        [unitId, "2026Q1", "V1_attendance_rate", "８５．５"],
        [unitId, "2026Q1", "BUSINESS_SCORE", 90],
      ]),
    );
    const job = await finished(staff, id);
    expect(job).toMatchObject({
      status: "succeeded",
      phase: "done",
      rowsTotal: 2,
      rowsChecked: 2,
      writeTotal: 1,
      rowsWritten: 1,
      imported: { reports: 1, meetings: 0 },
    });
    expect(await storedValue(unitId, "2026Q1", "V1_attendance_rate")).toBe(85.5);
    const audit = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, "import_job"), eq(auditLog.entityId, String(id))));
    expect(audit.map((a) => a.action).sort()).toEqual(["import_job.finish", "import_job.start"]);
    expect((await staff.importJob.latest())?.id).toBe(id);
    // The uploaded file is not kept once the job is done.
    const [row] = await t.db.select({ content: importJobs.content }).from(importJobs).where(eq(importJobs.id, id));
    expect(row!.content).toBeNull();
  });

  it("ends a file with errors as failed, every error by sheet, row and column, and writes nothing", async () => {
    const unitId = t.tree.leafA1.id;
    const { id } = await staff.importJob.start(
      await workbook([
        [unitId, "2026Q1", "V2_volunteer_rate", 70],
        [unitId, "2026Q1", "V1_attendance_rate", 120],
        [t.tree.leafB1.id, "2026Q1", "V2_volunteer_rate", 50],
      ]),
    );
    const job = await finished(staff, id);
    expect(job.status).toBe("failed");
    expect(job.errorCount).toBe(2);
    expect(job.errors.map((e) => [e.sheet, e.row, e.column])).toEqual([
      ["指标", 3, "填报值"],
      ["指标", 4, "单位编号"],
    ]);
    expect(job.error).toContain("未导入任何内容");
    expect(await storedValue(unitId, "2026Q1", "V2_volunteer_rate")).toBeNull();
  });

  it("is seen by its owner and by a leader of the unit, answers NOT_FOUND to anyone else, and allows one unfinished job per user", async () => {
    const unitId = t.tree.leafA1.id;
    // Both files built first: the second start must follow the first at once, while it is still unfinished.
    const [first, second] = [
      await workbook([[unitId, "2026Q1", "V2_volunteer_rate", 71]]),
      await workbook([[unitId, "2026Q1", "V2_volunteer_rate", 72]]),
    ];
    const { id } = await staff.importJob.start(first);
    expect((await trpcError(staff.importJob.start(second))).code).toBe("CONFLICT");
    await finished(staff, id);
    expect((await leader.importJob.get({ id })).id).toBe(id);
    const refused = await trpcError(otherStaff.importJob.get({ id }));
    const unknown = await trpcError(otherStaff.importJob.get({ id: 999_999 }));
    expect([refused.code, refused.message]).toEqual([unknown.code, unknown.message]);
    expect(refused.code).toBe("NOT_FOUND");
  });
});

describe("a job interrupted mid-way", () => {
  it("fails cleanly when the write breaks before the commit: nothing of the file is visible", async () => {
    const unitId = t.tree.leafA1.id;
    await t.db.insert(importJobs).values({
      userId: staffActor.id,
      unitId,
      fileName: "中断.xlsx",
      content: (await workbook([[unitId, "2025Q4", "V2_volunteer_rate", 66]])).contentBase64,
    });
    const job = await claimImportJob(t.db);
    expect(job).not.toBeNull();
    await executeImportJob(t.db, job!, {
      beforeCommit: async () => {
        throw new Error("the server died");
      },
    });
    const [after] = await t.db.select().from(importJobs).where(eq(importJobs.id, job!.id));
    expect(after).toMatchObject({ status: "failed", phase: "done", content: null });
    expect(after!.error).toContain("未导入任何内容");
    expect(await storedValue(unitId, "2025Q4", "V2_volunteer_rate")).toBeNull();
    const [report] = await t.db
      .select()
      .from(reports)
      .where(and(eq(reports.unitId, unitId), eq(reports.quarter, "2025Q4")));
    expect(report).toBeUndefined();
  });

  it("is taken up again after a restart (no heartbeat from its runner) and finishes exactly once", async () => {
    const unitId = t.tree.leafA1.id;
    const content = (await workbook([[unitId, "2025Q3", "V2_volunteer_rate", 64]])).contentBase64;
    // What a server that died while writing leaves behind: running, one attempt, its last heartbeat long ago.
    const [left] = await t.db
      .insert(importJobs)
      .values({
        userId: staffActor.id,
        unitId,
        fileName: "重启.xlsx",
        content,
        status: "running",
        phase: "writing",
        attempts: 1,
        heartbeatAt: new Date(Date.now() - 10 * 60_000),
      })
      .returning();
    // A job whose runner is alive is not taken from it.
    const [alive] = await t.db
      .insert(importJobs)
      .values({
        userId: staffActor.id,
        unitId,
        fileName: "进行中.xlsx",
        content,
        status: "running",
        phase: "checking",
        attempts: 1,
        heartbeatAt: new Date(),
      })
      .returning();
    expect(await runNextImportJob(t.db)).toBe(true);
    const [resumed] = await t.db.select().from(importJobs).where(eq(importJobs.id, left!.id));
    expect(resumed).toMatchObject({ status: "succeeded", attempts: 2, rowsWritten: 1 });
    expect(await storedValue(unitId, "2025Q3", "V2_volunteer_rate")).toBe(64);
    expect(await claimImportJob(t.db)).toBeNull();
    await t.db.update(importJobs).set({ status: "failed", phase: "done" }).where(eq(importJobs.id, alive!.id));
  });

  it("gives up after three interrupted attempts with a clear message", async () => {
    const unitId = t.tree.leafA1.id;
    const [left] = await t.db
      .insert(importJobs)
      .values({
        userId: staffActor.id,
        unitId,
        fileName: "反复中断.xlsx",
        content: "",
        status: "running",
        attempts: 3,
        heartbeatAt: new Date(Date.now() - 10 * 60_000),
      })
      .returning();
    await runNextImportJob(t.db);
    const [after] = await t.db.select().from(importJobs).where(eq(importJobs.id, left!.id));
    expect(after).toMatchObject({ status: "failed", content: null });
    expect(after!.error).toContain("多次中断");
  });
});
