import { and, eq, inArray } from "drizzle-orm";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, meetings } from "~/db/schema";
import { createCaller } from "~/server/api/root";
import { type FieldValidationError } from "~/server/errors";
import { callerFor, createActor } from "../factories";
import { fill, loadXlsx, sheetRows, templateFor, upload, workbook } from "./spreadsheet-fixtures";
import { useTreeDb } from "./test-db";
import { auditRows, trpcError } from "./trpc-expect";

const t = useTreeDb();
type Caller = ReturnType<typeof callerFor>;
let staff: Caller; // at leafA1
let admin: Caller;
let staffActor: Awaited<ReturnType<typeof createActor>>;

beforeAll(async () => {
  staffActor = await createActor(t.db, "staff", t.tree.leafA1);
  staff = callerFor(t.db, staffActor);
  admin = callerFor(t.db, await createActor(t.db, "admin", t.tree.root));
});

const reportImports = (unitId: number) =>
  t.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, "report.import"), eq(auditLog.unitId, unitId)));

describe("template download and import of the filled template", () => {
  it("pre-fills the indicators in force with the stored values, the business score row and the quarter's meetings", async () => {
    const unitId = t.tree.leafA1.id;
    await staff.report.save({
      unitId,
      quarter: "2026Q2",
      version: 0,
      businessScore: 77,
      values: [{ indicatorCode: "V1_attendance_rate", value: 92 }],
    });
    await staff.meeting.create({
      unitId,
      type: "party_lecture",
      date: "2026-05-10",
      expected: 10,
      present: 9,
      topic: "学习党章",
      solicitedOpinions: true,
      criticalOpinions: 2,
      rectificationItems: 1,
      minutes: "书记讲党课，学习党章第一章。",
    });
    const file = await templateFor(t.db, staffActor, unitId, "2026Q2");
    expect(file.fileName).toBe(`党建报表模板_${t.tree.leafA1.name}_2026Q2.xlsx`);
    const wb = await loadXlsx(file.body);
    const sheet = wb.getWorksheet("指标")!;
    const rows = sheetRows(sheet);
    const indicators = await staff.indicator.list({ quarter: "2026Q2" });
    expect(rows.map((r) => r.get("指标代码"))).toEqual([...indicators.map((i) => i.code), "BUSINESS_SCORE"]);
    expect(rows.find((r) => r.get("指标代码") === "V1_attendance_rate")!.get("填报值")).toBe(92);
    expect(rows.find((r) => r.get("指标代码") === "BUSINESS_SCORE")!.get("填报值")).toBe(77);
    expect(rows.find((r) => r.get("指标代码") === "L1_topic_meetings")!.get("填报值")).toBeNull();
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet.getCell("I2").dataValidation).toMatchObject({ type: expect.any(String) });
    const meetingSheet = sheetRows(wb.getWorksheet("会议")!);
    expect(meetingSheet).toHaveLength(1);
    expect(meetingSheet[0]!.get("会议类型")).toBe("党课");
    expect(meetingSheet[0]!.get("编号")).toEqual(expect.any(Number));
    expect(wb.getWorksheet("说明")).toBeDefined();
  });

  it("imports a filled template: preview counts, values stored, version bumped once, one audit row with before/after", async () => {
    const unitId = t.tree.leafA1.id;
    const wb = await loadXlsx((await templateFor(t.db, staffActor, unitId, "2026Q2")).body);
    fill(wb.getWorksheet("指标")!, { V1_attendance_rate: 95, L1_topic_meetings: 2, L3_plan_fits: "是", BUSINESS_SCORE: 88.5 });
    const ms = wb.getWorksheet("会议")!;
    ms.addRow([null, unitId, null, "2026-06-02", "支部党员大会", 12, 11, "半年工作总结", "否", 0, 1, "总结上半年工作。"]);
    const file = upload(await wb.xlsx.writeBuffer());

    const preview = await staff.spreadsheet.preview(file);
    expect(preview.errors).toEqual([]);
    expect(preview.canImport).toBe(true);
    expect(preview.groups).toEqual([
      expect.objectContaining({
        unitId,
        quarter: "2026Q2",
        status: "draft",
        unchanged: false,
        values: expect.objectContaining({ create: 2, update: 2, clear: 0 }),
        meetings: { create: 1, update: 0, unchanged: 1 },
      }),
    ]);
    const before = await staff.report.get({ unitId, quarter: "2026Q2" });
    await staff.spreadsheet.import(file);
    const after = await staff.report.get({ unitId, quarter: "2026Q2" });
    expect(after.version).toBe(before.version + 1);
    expect(after.businessScore).toBe(88.5);
    expect(after.values).toEqual(
      expect.arrayContaining([
        { indicatorCode: "V1_attendance_rate", value: 95 },
        { indicatorCode: "L1_topic_meetings", value: 2 },
        { indicatorCode: "L3_plan_fits", value: 1 },
      ]),
    );
    const audit = await auditRows(t.db, "report.import", (await reportImports(unitId))[0]!.entityId!);
    expect(audit).toHaveLength(1);
    expect(audit[0]!.before).toMatchObject({ businessScore: 77, values: { V1_attendance_rate: 92 } });
    expect(audit[0]!.after).toMatchObject({ businessScore: 88.5, values: { V1_attendance_rate: 95, L1_topic_meetings: 2 } });
    const stored = await t.db
      .select()
      .from(meetings)
      .where(and(eq(meetings.unitId, unitId), eq(meetings.topic, "半年工作总结")));
    expect(stored).toHaveLength(1);
    const meetingAudit = await auditRows(t.db, "meeting.create", stored[0]!.id);
    expect(meetingAudit).toHaveLength(1);

    // The same file again: nothing to do, nothing written, no version bump, no second meeting.
    const again = await staff.spreadsheet.preview(file);
    expect(again.hasChanges).toBe(false);
    expect(again.groups[0]).toMatchObject({ unchanged: true, meetings: { create: 0, update: 0, unchanged: 2 } });
    await staff.spreadsheet.import(file);
    expect((await staff.report.get({ unitId, quarter: "2026Q2" })).version).toBe(after.version);
    expect(
      await t.db
        .select()
        .from(meetings)
        .where(and(eq(meetings.unitId, unitId), eq(meetings.topic, "半年工作总结"))),
    ).toHaveLength(1);
    expect(await reportImports(unitId)).toHaveLength(1);
  });

  it("updates a meeting named by its 编号 and audits it", async () => {
    const unitId = t.tree.leafA1.id;
    const wb = await loadXlsx((await templateFor(t.db, staffActor, unitId, "2026Q2")).body);
    const ms = wb.getWorksheet("会议")!;
    const row = sheetRows(ms).find((r) => r.get("会议主题") === "学习党章")!;
    ms.getRow(row.row).getCell(7).value = 10; // 实到人数
    const preview = await staff.spreadsheet.preview(upload(await wb.xlsx.writeBuffer()));
    expect(preview.groups[0]!.meetings).toEqual({ create: 0, update: 1, unchanged: 1 });
    await staff.spreadsheet.import(upload(await wb.xlsx.writeBuffer()));
    const id = Number(row.get("编号"));
    expect((await t.db.select().from(meetings).where(eq(meetings.id, id)))[0]!.present).toBe(10);
    expect(await auditRows(t.db, "meeting.update", id)).toHaveLength(1);
  });
});

describe("a file with errors saves nothing", () => {
  it("names every bad cell with sheet, row and column, and refuses the import", async () => {
    const unitId = t.tree.leafA1.id;
    const file = await workbook(
      [
        [unitId, "2026Q3", "V1_attendance_rate", 120], // row 2: rate over 100
        [unitId, "2026Q3", "L1_topic_meetings", 1.5], // row 3: count not whole
        [unitId, "2026Q3", "NO_SUCH_CODE", 1], // row 4
        [unitId, "2026Q3", "L1_topic_meetings", 1], // row 5: duplicate of row 3
        [99999, "2026Q3", "V2_volunteer_rate", 50], // row 6: unknown unit
        [unitId, "2026第三季度", "V2_volunteer_rate", 50], // row 7: bad quarter
        [unitId, "2099Q1", "V2_volunteer_rate", 50], // row 8: not started
        [unitId, "2026Q3", "L4_secretary_review", "很好"], // row 9: not a number
        [unitId, "2026Q3", "M1_themed_activities", 2], // row 10: fine on its own
      ],
      [[null, unitId, "2026-07-01", "座谈会", 10, 12, "", "也许", 0, 0, ""]], // 会议 row 2
    );
    const preview = await staff.spreadsheet.preview(file);
    expect(preview.canImport).toBe(false);
    const where = preview.errors.map((e) => `${e.sheet}!${e.row}!${e.column}`);
    expect(where).toEqual(
      expect.arrayContaining([
        "指标!2!填报值",
        "指标!3!填报值",
        "指标!4!指标代码",
        "指标!5!指标代码",
        "指标!6!单位编号",
        "指标!7!季度",
        "指标!8!季度",
        "指标!9!填报值",
        "会议!2!会议类型",
        "会议!2!实到人数",
        "会议!2!会议主题",
        "会议!2!会前征求意见",
      ]),
    );
    expect(where).not.toContain("指标!10!填报值");
    expect(preview.errors.find((e) => e.row === 2 && e.sheet === "指标")!.text).toBe(
      "指标 第2行「填报值」：「党员参加组织生活平均出勤率」是比率，须在 0 到 100 之间（rate must be 0–100 %）",
    );
    expect(preview.errorCount).toBe(preview.errors.length);

    const err = await trpcError(staff.spreadsheet.import(file));
    expect(err.code).toBe("BAD_REQUEST");
    expect(err.message).toContain(`${preview.errorCount} 处错误`);
    expect(Object.keys((err.cause as FieldValidationError).fieldErrors)).toContain("指标!2!填报值");
    expect((await staff.report.get({ unitId, quarter: "2026Q3" })).version).toBe(0);
  });

  it("speaks the caller's UI language when the page says which one it shows", async () => {
    const file = await workbook([[t.tree.leafA1.id, "2026Q3", "V1_attendance_rate", 120]]);
    const zh = await createCaller({ db: t.db, actor: staffActor, locale: "zh-CN" }).spreadsheet.preview(file);
    expect(zh.errors[0]!.text).toBe("指标 第2行「填报值」：「党员参加组织生活平均出勤率」是比率，须在 0 到 100 之间");
    const en = await createCaller({ db: t.db, actor: staffActor, locale: "en" }).spreadsheet.preview(file);
    expect(en.errors[0]!.message).toBe("Rate must be 0–100 %");
  });

  it("refuses staff rows for another unit, and saves not even their own unit's rows", async () => {
    const file = await workbook([
      [t.tree.leafA1.id, "2026Q3", "V2_volunteer_rate", 60],
      [t.tree.leafA2.id, "2026Q3", "V2_volunteer_rate", 60],
    ]);
    const preview = await staff.spreadsheet.preview(file);
    expect(preview.errors).toEqual([
      expect.objectContaining({ sheet: "指标", row: 3, column: "单位编号", message: expect.stringContaining("无权") }),
    ]);
    expect((await trpcError(staff.spreadsheet.import(file))).code).toBe("BAD_REQUEST");
    expect((await staff.report.get({ unitId: t.tree.leafA1.id, quarter: "2026Q3" })).version).toBe(0);
    expect((await admin.report.get({ unitId: t.tree.leafA2.id, quarter: "2026Q3" })).version).toBe(0);
  });

  it("refuses changes to a submitted report but accepts its unchanged rows", async () => {
    const unitId = t.tree.leafA2.id;
    const values = [{ indicatorCode: "V2_volunteer_rate", value: 40 }];
    await admin.report.save({ unitId, quarter: "2025Q3", version: 0, businessScore: 70, values });
    await t.db.execute(`update reports set status = 'submitted' where unit_id = ${unitId} and quarter = '2025Q3'`);
    const same = await admin.spreadsheet.preview(await workbook([[unitId, "2025Q3", "V2_volunteer_rate", 40]]));
    expect(same).toMatchObject({ errorCount: 0, hasChanges: false });
    const changed = await admin.spreadsheet.preview(await workbook([[unitId, "2025Q3", "V2_volunteer_rate", 41]]));
    expect(changed.errors).toEqual([expect.objectContaining({ row: 2, column: "填报值", message: expect.stringContaining("已提交") })]);
  });
});

describe("admin and CSV files", () => {
  it("imports one file with several units and quarters, creating each report as a draft", async () => {
    const { leafA2, leafB1 } = t.tree;
    const file = await workbook([
      [leafA2.id, "2026Q1", "V1_attendance_rate", 81],
      [leafA2.id, "2026Q2", "V1_attendance_rate", 82],
      [leafB1.id, "2026Q1", "V1_attendance_rate", 83],
      [leafB1.id, "2026Q1", "BUSINESS_SCORE", 90],
    ]);
    const preview = await admin.spreadsheet.preview(file);
    expect(preview.groups.map((g) => `${g.unitId}/${g.quarter}/${g.values.create}`)).toEqual([
      `${leafA2.id}/2026Q1/1`,
      `${leafB1.id}/2026Q1/2`,
      `${leafA2.id}/2026Q2/1`,
    ]);
    const result = await admin.spreadsheet.import(file);
    expect(result.imported).toEqual({ reports: 3, meetings: 0 });
    const b1 = await admin.report.get({ unitId: leafB1.id, quarter: "2026Q1" });
    expect(b1).toMatchObject({ status: "draft", version: 1, businessScore: 90 });
    expect(b1.values).toContainEqual({ indicatorCode: "V1_attendance_rate", value: 83 });
    expect((await reportImports(leafA2.id)).length).toBe(2);
  });

  it("reads a UTF-8 CSV with a BOM and a GBK CSV from older Excel", async () => {
    const unitId = t.tree.leafA1.id;
    const csv = `\uFEFF单位编号,单位名称,季度,指标代码,填报值\r\n${unitId},"A局第一党支部",2025Q4,V3_model_posts,3\r\n${unitId},,2025Q4,BUSINESS_SCORE,66\r\n`;
    await staff.spreadsheet.import(upload(Buffer.from(csv, "utf8"), "报表.csv"));
    const stored = await staff.report.get({ unitId, quarter: "2025Q4" });
    expect(stored.businessScore).toBe(66);
    expect(stored.values).toContainEqual({ indicatorCode: "V3_model_posts", value: 3 });

    // "单位编号,季度,指标代码,填报值" in GBK, as Excel on Chinese Windows saves “CSV (逗号分隔)”.
    const gbkHeader = Buffer.from("b5a5cebbb1e0bac52cbcbeb6c82cd6b8b1eab4fac2eb2ccceeb1a8d6b5", "hex");
    const gbk = Buffer.concat([gbkHeader, Buffer.from(`\r\n${unitId},2025Q4,V3_model_posts,4\r\n`)]);
    const preview = await staff.spreadsheet.preview(upload(gbk, "report.csv"));
    expect(preview).toMatchObject({
      kind: "csv",
      errorCount: 0,
      groups: [expect.objectContaining({ values: expect.objectContaining({ update: 1 }) })],
    });
  });

  it("reads “92.5%” typed in Excel (stored as 0.925 with a percent format) as 92.5", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("指标");
    ws.addRow(["单位编号", "季度", "指标代码", "填报值"]);
    ws.addRow([t.tree.leafA1.id, "2025Q1", "V2_volunteer_rate", 0.925]).getCell(4).numFmt = "0.0%";
    await staff.spreadsheet.import(upload(await wb.xlsx.writeBuffer()));
    expect((await staff.report.get({ unitId: t.tree.leafA1.id, quarter: "2025Q1" })).values).toContainEqual({
      indicatorCode: "V2_volunteer_rate",
      value: 92.5,
    });
  });

  it("answers BAD_REQUEST with a clear message for an oversize, garbage or foreign file", async () => {
    const big = { fileName: "big.xlsx", contentBase64: "A".repeat(7_100_000) };
    expect((await trpcError(staff.spreadsheet.preview(big))).message).toContain("5 MB");
    const cases: [Buffer, string, string][] = [
      [Buffer.from("PK\u0003\u0004 definitely not a zip"), "x.xlsx", "无法读取"],
      [Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3]), "old.xls", ".xls"],
      [Buffer.from("hello"), "notes.docx", "仅支持"],
      [Buffer.from("a,b,c\n1,2,3\n"), "other.csv", "找不到"],
      [Buffer.from([0, 1, 2, 3]), "bin.csv", "不是文本"],
    ];
    for (const [body, name, text] of cases) {
      const err = await trpcError(staff.spreadsheet.preview(upload(body, name)));
      expect(err.code, name).toBe("BAD_REQUEST");
      expect(err.message, name).toContain(text);
    }
    expect((await trpcError(staff.spreadsheet.import(upload(Buffer.from("x"), "x.xlsx")))).code).toBe("BAD_REQUEST");
  });
});

describe("meeting rows", () => {
  it("refuses a meeting of a quarter whose report is approved", async () => {
    const unitId = t.tree.leafA1.id;
    await staff.report.save({ unitId, quarter: "2025Q2", version: 0, values: [] });
    await t.db.execute(`update reports set status = 'approved' where unit_id = ${unitId} and quarter = '2025Q2'`);
    const file = await workbook([], [[null, unitId, "2025-05-06", "党小组会", 8, 8, "学习", "是", 1, 0, "记录"]]);
    const preview = await staff.spreadsheet.preview(file);
    expect(preview.errors).toEqual([
      expect.objectContaining({ sheet: "会议", row: 2, column: "日期", message: expect.stringContaining("已审核锁定") }),
    ]);
    const before = await t.db
      .select()
      .from(meetings)
      .where(inArray(meetings.unitId, [unitId]));
    expect((await trpcError(staff.spreadsheet.import(file))).code).toBe("BAD_REQUEST");
    expect(
      await t.db
        .select()
        .from(meetings)
        .where(inArray(meetings.unitId, [unitId])),
    ).toHaveLength(before.length);
  });
});
