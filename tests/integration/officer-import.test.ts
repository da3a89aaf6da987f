import ExcelJS from "exceljs";
import { count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, importJobs, inspections, officers, people } from "~/db/schema";
import { executeImportJob } from "~/server/services/import-job/execute";
import type { LiveProgress } from "~/server/services/import-job/progress";
import { claimImportJob, importRunnerIdle } from "~/server/services/import-job/runner";
import { buildRosterTemplate } from "~/server/services/officer-import/template";
import { createActor } from "../factories";
import { loadXlsx, upload } from "./spreadsheet-fixtures";
import { callersOn, usualCast, useTreeDb, type Caller } from "./test-db";
import { outcomeOf } from "./trpc-expect";

/** The officers roster imported from a spreadsheet (干部名册导入), as background jobs: matching, every kind of bad row, all or nothing, relinks, progress. */
const t = useTreeDb();
let admin: Caller, leaderA: Caller, staffA1: Caller;

beforeAll(async () => {
  ({ admin, leaderA, staffA1 } = await callersOn(t, usualCast));
});

const header = ["单位编号", "单位名称", "姓名", "职务", "专职", "一肩挑", "任职开始", "任职结束"];
async function rosterFile(rows: unknown[][], fileName = "干部名册.xlsx") {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("干部名册");
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return upload(await wb.xlsx.writeBuffer(), fileName);
}

const tableSizes = async () => ({
  officers: (await t.db.select({ n: count() }).from(officers))[0]!.n,
  people: (await t.db.select({ n: count() }).from(people))[0]!.n,
});
const rosterOf = (unitId: number) => admin.officer.list({ unitId });

/** Follows a roster job (started by officer.previewImport / officer.import) to its end. */
async function finished(caller: Caller, started: Promise<{ id: number }>) {
  const { id } = await started;
  for (let i = 0; i < 300; i++) {
    await importRunnerIdle();
    const job = await caller.importJob.get({ id });
    if (job.status === "succeeded" || job.status === "failed") return job;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("job did not finish");
}
const previewOf = async (file: Awaited<ReturnType<typeof rosterFile>>) => {
  const job = await finished(admin, admin.officer.previewImport(file));
  expect(job).toMatchObject({ kind: "rosterPreview", status: "succeeded" });
  return { ...job.roster!, errors: job.errors, errorCount: job.errorCount };
};
const importOf = async (file: Awaited<ReturnType<typeof rosterFile>>) => {
  const job = await finished(admin, admin.officer.import(file));
  expect(job).toMatchObject({ kind: "rosterImport", status: "succeeded" });
  return { ...job.roster!, errorCount: job.errorCount };
};
const importAudits = async () => (await t.db.select({ n: count() }).from(auditLog).where(eq(auditLog.action, "officer.import")))[0]!.n;

describe("a valid roster file", () => {
  it("previews without writing, then imports new tenures and links the secretary's inspections", async () => {
    const a1 = t.tree.leafA1;
    // An inspection about the secretary recorded before the roster existed: nobody to link yet.
    const insp = await admin.inspection.create({ unitId: a1.id, subject: "secretary", result: "pass", inspectedOn: "2025-03-10" });
    const file = await rosterFile([
      [a1.id, a1.name, "张伟", "书记", "是", "否", new Date(Date.UTC(2024, 0, 5)), null],
      [a1.id, a1.name, "刘洋", "副书记", "否", "否", "2024年3月1日", ""],
      [a1.id, a1.name, "陈静", "委员", "", "", "2024-03-01", "2025/6/30"],
      [t.tree.leafA2.id, t.tree.leafA2.name, null, null, null, null, null, null], // a unit without officers: skipped
    ]);
    const before = await tableSizes();
    const preview = await previewOf(file);
    expect(preview).toMatchObject({ created: 3, updated: 0, unchanged: 0, newPeople: 3, errorCount: 0, canImport: true });
    expect(await tableSizes()).toEqual(before);

    const done = await importOf(file);
    expect(done).toMatchObject({ created: 3, updated: 0, unchanged: 0, units: 1 });
    const roster = await rosterOf(a1.id);
    expect(roster.find((o) => o.name === "张伟")).toMatchObject({
      post: "secretary",
      fullTime: true,
      fromDate: "2024-01-05",
      toDate: null,
    });
    expect(roster.find((o) => o.name === "陈静")).toMatchObject({ post: "member", fullTime: false, toDate: "2025-06-30" });
    const [linked] = await t.db.select({ o: inspections.officerId }).from(inspections).where(eq(inspections.id, insp.id));
    expect(linked!.o).toBe(roster.find((o) => o.name === "张伟")!.id);

    const audit = await t.db.select().from(auditLog).where(eq(auditLog.action, "officer.import"));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.after).toMatchObject({ fileName: "干部名册.xlsx", created: 3, updated: 0, unchanged: 0 });
  });

  it("updates a tenure found by unit, name and start; continues the person of that name; leaves the rest alone", async () => {
    const a1 = t.tree.leafA1;
    const zhang = (await rosterOf(a1.id)).find((o) => o.name === "张伟")!;
    const file = await rosterFile([
      [a1.id, a1.name, "张伟", "书记", "是", "是", "2024-01-05", "2025-12-31"], // same unit+name+start: update
      [a1.id, a1.name, "陈静", "委员", "否", "否", "2024-03-01", "2025-06-30"], // unchanged
      [a1.id, a1.name, "陈静", "书记", "否", "否", "2026-01-01", null], // new tenure of the same person
    ]);
    const done = await importOf(file);
    expect(done).toMatchObject({ created: 1, updated: 1, unchanged: 1, newPeople: 0 });
    const roster = await rosterOf(a1.id);
    expect(roster.find((o) => o.id === zhang.id)).toMatchObject({ concurrentHead: true, toDate: "2025-12-31", version: zhang.version + 1 });
    const chen = roster.filter((o) => o.name === "陈静");
    expect(chen).toHaveLength(2);
    expect(new Set(chen.map((o) => o.personId)).size).toBe(1);
    expect(roster.find((o) => o.name === "刘洋")).toBeTruthy(); // not in the file: kept
  });

  it("changes nothing when the downloaded template is uploaded again", async () => {
    const actor = await createActor(t.db, "admin", t.tree.root);
    const template = await buildRosterTemplate({ db: t.db, actor }, { unitId: t.tree.root.id });
    const wb = await loadXlsx(template.body);
    const ws = wb.getWorksheet("干部名册")!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(header);
    const before = await tableSizes();
    const result = await importOf(upload(template.body, template.fileName));
    expect(result).toMatchObject({ created: 0, updated: 0, errorCount: 0, hasChanges: false });
    expect(result.unchanged).toBeGreaterThan(0);
    expect(await tableSizes()).toEqual(before);
  });
});

describe("a roster file with a bad row", () => {
  const a2 = () => t.tree.leafA2;
  const cases: [string, () => unknown[][], RegExp][] = [
    [
      "an unknown unit",
      () => [[999_999, "", "王五", "委员", "否", "否", "2024-01-01", null]],
      /第 ?\d+ ?行「单位编号」：单位编号 999999 不存在/,
    ],
    ["an unknown post", () => [[a2().id, "", "王五", "组长", "否", "否", "2024-01-01", null]], /「职务」：职务“组长”无法识别/],
    ["an unreadable date", () => [[a2().id, "", "王五", "委员", "否", "否", "去年春天", null]], /「任职开始」：日期无法识别/],
    [
      "an end before the start",
      () => [[a2().id, "", "王五", "委员", "否", "否", "2024-05-01", "2024-04-30"]],
      /「任职结束」：任职结束日期 2024-04-30 早于/,
    ],
    ["a yes/no that is neither", () => [[a2().id, "", "王五", "委员", "也许", "否", "2024-05-01", null]], /「专职」：须填写“是”或“否”/],
    [
      "two secretaries on the same days within the file",
      () => [
        [a2().id, "", "王五", "书记", "否", "否", "2024-01-01", null],
        [a2().id, "", "赵六", "书记", "否", "否", "2025-01-01", null],
      ],
      /「任职开始」：.*同一天只能有一位书记/,
    ],
    [
      "a secretary overlapping the stored roster",
      () => [[t.tree.leafA1.id, "", "孙七", "书记", "否", "否", "2025-01-01", null]],
      /「任职开始」：该单位 2024年1月5日 至 2025年12月31日 的书记是 张伟/,
    ],
    [
      "the same person twice in one unit",
      () => [
        [a2().id, "", "王五", "委员", "否", "否", "2024-01-01", null],
        [a2().id, "", "王五", "副书记", "否", "否", "2024-01-01", null],
      ],
      /「姓名」：与第 2 行是同一条任职/,
    ],
    [
      "the same person in two posts at once",
      () => [
        [a2().id, "", "王五", "委员", "否", "否", "2024-01-01", null],
        [a2().id, "", "王五", "副书记", "否", "否", "2024-06-01", null],
      ],
      /王五 自 2024年\d月1日 起已在该单位任职/,
    ],
  ];

  it.each(cases)("%s: listed with row and column, nothing saved", async (_what, rows, message) => {
    const before = await tableSizes();
    const audits = await importAudits();
    // A good row beside the bad one is not saved either.
    const file = await rosterFile([...rows(), [t.tree.leafB1.id, "", "好人", "委员", "否", "否", "2024-01-01", null]]);
    const preview = await previewOf(file);
    expect(preview.canImport).toBe(false);
    expect(preview.errors.map((e) => e.text).join("\n")).toMatch(message);
    const job = await finished(admin, admin.officer.import(file));
    expect(job).toMatchObject({ status: "failed", phase: "done", rowsWritten: 0 });
    expect(job.error).toMatch(/处错误，未导入任何内容/);
    expect(job.errors.map((e) => e.text).join("\n")).toMatch(message);
    expect(await tableSizes()).toEqual(before);
    expect(await importAudits()).toBe(audits);
  });

  it("refuses a file without a roster sheet, and anyone but an admin", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("指标").addRow(["单位编号", "季度", "指标代码", "填报值"]);
    const other = upload(await wb.xlsx.writeBuffer());
    const job = await finished(admin, admin.officer.previewImport(other));
    expect(job).toMatchObject({ status: "failed", roster: null });
    expect(job.error).toMatch(/没有「干部名册」表/);
    const file = await rosterFile([[t.tree.leafA1.id, "", "王五", "委员", "否", "否", "2024-01-01", null]]);
    expect(await outcomeOf(leaderA.officer.previewImport(file))).toBe("FORBIDDEN");
    expect(await outcomeOf(staffA1.officer.import(file))).toBe("FORBIDDEN");
  });
});

describe("a roster job on the runner", () => {
  /** A job as officer.import leaves it, run by hand so its progress can be watched. */
  async function runByHand(rows: unknown[][], beforeCommit?: () => Promise<void>) {
    const admins = await createActor(t.db, "admin", t.tree.root);
    const file = await rosterFile(rows, "大名册.xlsx");
    await t.db
      .insert(importJobs)
      .values({ userId: admins.id, unitId: t.tree.root.id, kind: "rosterImport", fileName: file.fileName, content: file.contentBase64 });
    const job = await claimImportJob(t.db);
    expect(job).toMatchObject({ kind: "rosterImport", status: "running" });
    const seen: LiveProgress[] = [];
    await executeImportJob(t.db, job!, { beforeCommit, onProgress: (p) => seen.push({ ...p }) });
    const [after] = await t.db.select().from(importJobs).where(eq(importJobs.id, job!.id));
    return { seen, after: after! };
  }
  const members = (n: number) =>
    Array.from({ length: n }, (_, i) => [
      t.tree.leafB1.id,
      "",
      `委员${String(i).padStart(4, "0")}`,
      "委员",
      "否",
      "否",
      "2024-01-01",
      null,
    ]);

  it("fails cleanly when the write breaks before the commit: nothing of the file is saved", async () => {
    const before = await tableSizes();
    const audits = await importAudits();
    const { after } = await runByHand(members(5), async () => {
      throw new Error("the server died");
    });
    expect(after).toMatchObject({ status: "failed", phase: "done", content: null });
    expect(after.error).toContain("未导入任何内容");
    expect(await tableSizes()).toEqual(before);
    expect(await importAudits()).toBe(audits);
  });

  it("reports rows checked, then rows written, as they advance; the end is stored with the counts", async () => {
    const { seen, after } = await runByHand(members(1_100));
    const checked = seen.map((p) => p.rowsChecked ?? 0);
    expect(checked).toEqual([...checked].sort((a, b) => a - b)); // never goes back
    expect(checked).toEqual(expect.arrayContaining([500, 1_000, 1_100]));
    const writing = seen.filter((p) => p.phase === "writing");
    expect(writing[0]).toMatchObject({ writeTotal: 1_100, rowsWritten: 0 });
    const written = writing.map((p) => p.rowsWritten ?? 0);
    expect(written).toEqual([...written].sort((a, b) => a - b));
    expect(written.at(-1)).toBe(1_100);
    expect(new Set(written).size).toBeGreaterThan(1);
    expect(after).toMatchObject({ status: "succeeded", rowsTotal: 1_100, rowsChecked: 1_100, writeTotal: 1_100, rowsWritten: 1_100 });
    expect(after.result).toMatchObject({ roster: { created: 1_100, canImport: true }, errorCount: 0 });
    expect((await rosterOf(t.tree.leafB1.id)).filter((o) => o.name.startsWith("委员"))).toHaveLength(1_100);
  });

  it("importJob.latest tells the roster's jobs from the quarterly report's", async () => {
    const file = await rosterFile([[t.tree.leafA2.id, "", "钱八", "委员", "否", "否", "2024-01-01", null]]);
    const job = await finished(admin, admin.officer.previewImport(file));
    expect((await admin.importJob.latest({ of: "roster" }))?.id).toBe(job.id);
    expect((await admin.importJob.latest())?.id ?? 0).not.toBe(job.id);
  });
});
