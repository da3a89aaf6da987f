import "server-only";
import ExcelJS from "exceljs";
import type { Meeting } from "~/db/schema";
import { exportHeaders as E, indicatorHeaders as C, sheetNames } from "./columns";
import { addMeetingSheet } from "./meeting-sheet";
import type { SpreadsheetFile } from "./render-template";
import { xlsxType } from "./render-template";
import { addTableSheet, type ColumnSpec } from "./workbook-style";

/** An export as read from the database on the request thread; written as .xlsx or CSV on a worker thread. */
export type ExportData = {
  format: "xlsx" | "csv";
  rows: ExcelJS.CellValue[][];
  /** Only for .xlsx (a CSV holds one sheet). */
  meetings: Meeting[];
  unitNames: [number, string][];
  base: string;
  asciiBase: string;
};

const columns: ColumnSpec[] = [
  { header: C.unitId, width: 10 },
  { header: C.unitName, width: 24 },
  { header: C.quarter, width: 9, text: true },
  { header: E.status, width: 8 },
  { header: C.code, width: 24 },
  { header: C.name, width: 34 },
  { header: C.category, width: 16 },
  { header: C.value, width: 10 },
  { header: E.score, width: 8 },
];

export async function renderExport(data: ExportData): Promise<SpreadsheetFile> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "党建质量看板";
  wb.created = new Date();
  const ws = addTableSheet(wb, sheetNames.indicators, columns, data.rows);
  ws.getColumn(columns.length).numFmt = "0.0";
  if (data.format === "csv") {
    neutraliseFormulae(ws);
    // A BOM, or Excel on Chinese Windows reads UTF-8 as GBK and garbles every name.
    const body = Buffer.from(await wb.csv.writeBuffer({ sheetName: sheetNames.indicators, formatterOptions: { writeBOM: true } }));
    return { fileName: `党建报表_${data.base}.csv`, asciiFileName: `${data.asciiBase}.csv`, contentType: "text/csv; charset=utf-8", body };
  }
  addMeetingSheet(wb, data.meetings, new Map(data.unitNames), { export: true });
  return {
    fileName: `党建报表_${data.base}.xlsx`,
    asciiFileName: `${data.asciiBase}.xlsx`,
    contentType: xlsxType,
    body: Buffer.from(await wb.xlsx.writeBuffer()),
  };
}

/**
 * CSV cells have no type: Excel evaluates text beginning with = + - @ as a formula (CSV
 * injection through a unit or indicator name). Such text gets a leading apostrophe, which
 * Excel shows as plain text; numbers are untouched, and the importer reads units and
 * indicators by their codes, so the export still imports back unchanged.
 */
export function neutraliseFormulae(ws: ExcelJS.Worksheet): void {
  ws.eachRow((row) =>
    row.eachCell((cell) => {
      if (typeof cell.value === "string" && /^[=+\-@\t\r]/.test(cell.value)) cell.value = `'${cell.value}`;
    }),
  );
}
