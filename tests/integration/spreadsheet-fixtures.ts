import ExcelJS from "exceljs";
import type { Db } from "~/db/client";
import type { Actor } from "~/server/scope";
import { buildTemplate } from "~/server/services/spreadsheet/build-template";
import { exportReports } from "~/server/services/spreadsheet/export-reports";

export const indicatorHeader = ["单位编号", "季度", "指标代码", "填报值"];
export const meetingHeader = [
  "编号",
  "单位编号",
  "日期",
  "会议类型",
  "应到人数",
  "实到人数",
  "会议主题",
  "会前征求意见",
  "批评意见条数",
  "整改事项数",
  "会议记录",
];

export const upload = (body: Buffer | Uint8Array | ArrayBuffer, fileName = "报表.xlsx") => ({
  fileName,
  contentBase64: Buffer.from(body as ArrayBuffer).toString("base64"),
});

/** A workbook as staff would make one by hand: a 指标 sheet and optionally a 会议 sheet. */
export async function workbook(indicatorRows: unknown[][], meetingRows?: unknown[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("指标");
  ws.addRow(indicatorHeader);
  for (const r of indicatorRows) ws.addRow(r);
  if (meetingRows) {
    const ms = wb.addWorksheet("会议");
    ms.addRow(meetingHeader);
    for (const r of meetingRows) ms.addRow(r);
  }
  return upload(await wb.xlsx.writeBuffer());
}

export async function loadXlsx(body: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ExcelJS.Buffer);
  return wb;
}

/** The sheet's rows as objects keyed by header, with Excel's row numbers. */
export function sheetRows(ws: ExcelJS.Worksheet) {
  const headers = (ws.getRow(1).values as unknown[]).map((v) => String(v ?? ""));
  const out: { row: number; get: (h: string) => unknown }[] = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    out.push({ row: n, get: (h) => row.getCell(headers.indexOf(h)).value });
  });
  return out;
}

/** Sets 填报值 of the rows whose 指标代码 is in `values`. */
export function fill(ws: ExcelJS.Worksheet, values: Record<string, unknown>) {
  const headers = (ws.getRow(1).values as unknown[]).map((v) => String(v ?? ""));
  const [codeCol, valueCol] = [headers.indexOf("指标代码"), headers.indexOf("填报值")];
  ws.eachRow((row, n) => {
    const code = String(row.getCell(codeCol).value);
    if (n > 1 && code in values) row.getCell(valueCol).value = values[code] as ExcelJS.CellValue;
  });
}

export async function templateFor(db: Db, actor: Actor, unitId: number, quarter: string, subtree = false) {
  return buildTemplate({ db, actor }, { unitId, quarter, subtree });
}

export async function exportFor(db: Db, actor: Actor, unitId: number, from: string, to: string, format: "xlsx" | "csv") {
  return exportReports({ db, actor }, { unitId, from, to, format });
}
