import "server-only";
import ExcelJS from "exceljs";
import type { Indicator, Meeting } from "~/db/schema";
import { indicatorHeaders as C, sheetNames } from "./columns";
import { addHelpSheet } from "./help-sheet";
import { addMeetingSheet } from "./meeting-sheet";
import { addTableSheet, lockedFill, valueRule, type ColumnSpec } from "./workbook-style";

export type SpreadsheetFile = { fileName: string; asciiFileName: string; contentType: string; body: Buffer };
export const xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** What the template holds, read from the database on the request thread; built into an .xlsx on a worker thread. */
export type TemplateData = {
  rows: ExcelJS.CellValue[][];
  /** Per data row: its indicator's kind and source, null for the business score. */
  kinds: (Pick<Indicator, "kind" | "source"> | null)[];
  meetings: Meeting[];
  unitNames: [number, string][];
  help: { unitName: string; quarter: string; subtree: boolean };
  fileName: string;
  asciiFileName: string;
};

export const templateColumns: ColumnSpec[] = [
  { header: C.unitId, width: 10, locked: true },
  { header: C.unitName, width: 24, locked: true },
  { header: C.quarter, width: 9, locked: true, text: true },
  { header: C.code, width: 24, locked: true },
  { header: C.name, width: 34, locked: true },
  { header: C.category, width: 16, locked: true },
  { header: C.measure, width: 9, locked: true },
  { header: C.target, width: 8, locked: true },
  { header: C.value, width: 12 },
];
const VALUE_COL = templateColumns.length;

/** The template workbook: a 指标 sheet (only 填报值 to fill, with range checks), a 会议 sheet and a 说明 sheet. */
export async function renderTemplate(data: TemplateData): Promise<SpreadsheetFile> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "党建质量看板";
  wb.created = new Date();
  const ws = addTableSheet(wb, sheetNames.indicators, templateColumns, data.rows);
  data.kinds.forEach((ind, n) => {
    const cell = ws.getCell(n + 2, VALUE_COL);
    if (ind?.source === "meetings") {
      cell.fill = lockedFill;
      cell.note = "由会议记录自动计算，导入时忽略";
    } else {
      cell.dataValidation = { allowBlank: true, showErrorMessage: true, ...valueRule(ind ? ind.kind : "business") };
    }
  });
  addMeetingSheet(wb, data.meetings, new Map(data.unitNames));
  addHelpSheet(wb, data.help);
  return {
    fileName: data.fileName,
    asciiFileName: data.asciiFileName,
    contentType: xlsxType,
    body: Buffer.from(await wb.xlsx.writeBuffer()),
  };
}
