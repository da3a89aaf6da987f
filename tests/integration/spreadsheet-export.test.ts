import { beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "~/db/schema";
import { quarterOf } from "~/lib/quarter";
import { normalise } from "~/lib/scoring/normalise";
import { callerFor, createActor } from "../factories";
import { exportFor, loadXlsx, sheetRows, templateFor, upload } from "./spreadsheet-fixtures";
import { useTreeDb } from "./test-db";
import { outcomeOf } from "./trpc-expect";

const t = useTreeDb();
type Actor = Awaited<ReturnType<typeof createActor>>;
let adminActor: Actor;
let staffActor: Actor;
let admin: ReturnType<typeof callerFor>;

beforeAll(async () => {
  const { db, tree } = t;
  adminActor = await createActor(db, "admin", tree.root);
  staffActor = await createActor(db, "staff", tree.leafA1);
  admin = callerFor(db, adminActor);
  const staff = callerFor(db, staffActor);
  const values = [
    { indicatorCode: "V1_attendance_rate", value: 45 },
    { indicatorCode: "L3_plan_fits", value: 1 },
    { indicatorCode: "V4_violations", value: 2 },
  ];
  await staff.report.save({ unitId: tree.leafA1.id, quarter: "2026Q1", version: 0, businessScore: 81.25, values });
  await staff.report.save({ unitId: tree.leafA1.id, quarter: "2026Q2", version: 0, values: values.slice(0, 1) });
  await admin.report.save({ unitId: tree.leafA2.id, quarter: "2026Q1", version: 0, businessScore: 95, values });
  await admin.report.save({ unitId: tree.leafB1.id, quarter: "2026Q2", version: 0, businessScore: 60, values });
  await db.execute(`update reports set status = 'approved' where unit_id = ${tree.leafA2.id}`);
  await db.execute(`update reports set status = 'submitted' where unit_id = ${tree.leafB1.id}`);
  await staff.meeting.create({
    unitId: tree.leafA1.id,
    type: "org_life",
    date: "2026-02-11",
    expected: 9,
    present: 9,
    topic: "组织生活会",
    solicitedOpinions: true,
    criticalOpinions: 9,
    rectificationItems: 3,
    minutes: "逐一开展批评与自我批评。\n第二段。\n",
  });
});

const auditCount = async () => (await t.db.select().from(auditLog)).length;

describe("export", () => {
  it("writes one row per unit × quarter × indicator with status, value and the 0–100 score, plus the business score", async () => {
    const file = await exportFor(t.db, adminActor, t.tree.root.id, "2026Q1", "2026Q2", "xlsx");
    expect(file.fileName).toBe(`党建报表_${t.tree.root.name}_2026Q1-2026Q2.xlsx`);
    const wb = await loadXlsx(file.body);
    const rows = sheetRows(wb.getWorksheet("指标")!);
    const indicators = await admin.indicator.list({ quarter: "2026Q1" });
    expect(rows).toHaveLength(4 * (indicators.length + 1)); // four reports
    const v1 = rows.find(
      (r) => r.get("单位编号") === t.tree.leafA1.id && r.get("季度") === "2026Q1" && r.get("指标代码") === "V1_attendance_rate",
    )!;
    const rule = indicators.find((i) => i.code === "V1_attendance_rate")!;
    expect(v1.get("填报值")).toBe(45);
    expect(v1.get("得分")).toBe(Math.round(normalise(rule, 45)! * 10) / 10);
    expect(v1.get("状态")).toBe("草稿");
    const lower = rows.find((r) => r.get("单位编号") === t.tree.leafA2.id && r.get("指标代码") === "V4_violations")!;
    expect(lower.get("状态")).toBe("已审核");
    expect(lower.get("得分")).toBe(33.3); // lower is better: target 0, value 2 → 100 / 3
    const business = rows.find(
      (r) => r.get("单位编号") === t.tree.leafA1.id && r.get("季度") === "2026Q1" && r.get("指标代码") === "BUSINESS_SCORE",
    )!;
    expect([business.get("填报值"), business.get("得分")]).toEqual([81.25, 81.3]);
    const meetings = sheetRows(wb.getWorksheet("会议")!);
    expect(meetings.map((m) => m.get("会议类型"))).toEqual(["组织生活会"]);
  });

  it("writes CSV as UTF-8 with a BOM", async () => {
    const file = await exportFor(t.db, adminActor, t.tree.root.id, "2026Q1", "2026Q1", "csv");
    expect(file.contentType).toContain("text/csv");
    expect([...file.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = file.body.toString("utf8").slice(1);
    expect(text.split(/\r?\n/)[0]).toBe("单位编号,单位名称,季度,状态,指标代码,指标名称,类别,填报值,得分");
    expect(text).toContain(`${t.tree.leafA1.id},${t.tree.leafA1.name},2026Q1,草稿,V1_attendance_rate`);
  });

  it("gives staff their own unit only", async () => {
    const own = await exportFor(t.db, staffActor, t.tree.leafA1.id, "2026Q1", "2026Q2", "xlsx");
    const units = new Set(sheetRows((await loadXlsx(own.body)).getWorksheet("指标")!).map((r) => r.get("单位编号")));
    expect([...units]).toEqual([t.tree.leafA1.id]);
    expect(await outcomeOf(exportFor(t.db, staffActor, t.tree.root.id, "2026Q1", "2026Q2", "xlsx"))).toBe("FORBIDDEN");
    expect(await outcomeOf(exportFor(t.db, staffActor, t.tree.leafA1.id, "2026Q3", "2026Q1", "xlsx"))).toBe("BAD_REQUEST");
  });
});

describe("round trips", () => {
  it("importing an exported xlsx (with locked reports and meetings) changes nothing", async () => {
    const file = await exportFor(t.db, adminActor, t.tree.root.id, "2025Q1", "2026Q4", "xlsx");
    const preview = await admin.spreadsheet.preview(upload(file.body));
    expect(preview.errors).toEqual([]);
    expect(preview.hasChanges).toBe(false);
    expect(preview.groups.length).toBeGreaterThanOrEqual(4);
    expect(preview.groups.every((g) => g.unchanged)).toBe(true);
    const audits = await auditCount();
    const result = await admin.spreadsheet.import(upload(file.body));
    expect(result.imported).toEqual({ reports: 0, meetings: 0 });
    expect(await auditCount()).toBe(audits);
  });

  it("importing an exported CSV changes nothing", async () => {
    const file = await exportFor(t.db, adminActor, t.tree.root.id, "2026Q1", "2026Q2", "csv");
    const preview = await admin.spreadsheet.preview(upload(file.body, file.fileName));
    expect(preview).toMatchObject({ kind: "csv", errorCount: 0, hasChanges: false });
  });

  it("a CSV cannot smuggle a formula: text starting with = is written as text, and still imports back unchanged", async () => {
    await t.db.execute(`update units set name = '=HYPERLINK("http://x.example","点击")' where id = ${t.tree.leafB1.id}`);
    try {
      const file = await exportFor(t.db, adminActor, t.tree.root.id, "2026Q1", "2026Q2", "csv");
      const text = file.body.toString("utf8");
      expect(text).toContain(`"'=HYPERLINK(`);
      expect(text).not.toMatch(/(^|,)"?=HYPERLINK/m);
      const preview = await admin.spreadsheet.preview(upload(file.body, file.fileName));
      expect(preview).toMatchObject({ errorCount: 0, hasChanges: false });
    } finally {
      await t.db.execute(`update units set name = 'B局第一党支部' where id = ${t.tree.leafB1.id}`);
    }
  });

  it("an admin's subtree template holds every unit of the subtree and imports back unchanged", async () => {
    const file = await templateFor(t.db, adminActor, t.tree.branchA.id, "2026Q1", true);
    expect(file.fileName).toBe(`党建报表模板_${t.tree.branchA.name}及下级_2026Q1.xlsx`);
    const rows = sheetRows((await loadXlsx(file.body)).getWorksheet("指标")!);
    expect(new Set(rows.map((r) => r.get("单位编号")))).toEqual(new Set([t.tree.branchA.id, t.tree.leafA1.id, t.tree.leafA2.id]));
    const preview = await admin.spreadsheet.preview(upload(file.body));
    expect(preview).toMatchObject({ errorCount: 0, hasChanges: false });
  });

  it("refuses a template for a quarter that has not started, and one outside the caller's scope", async () => {
    const next = `${Number(quarterOf(new Date()).slice(0, 4)) + 1}Q1`;
    expect(await outcomeOf(templateFor(t.db, staffActor, t.tree.leafA1.id, next))).toBe("BAD_REQUEST");
    expect(await outcomeOf(templateFor(t.db, staffActor, t.tree.leafA2.id, "2026Q1"))).toBe("FORBIDDEN");
  });
});
