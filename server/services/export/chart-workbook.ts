import "server-only";
import ExcelJS from "exceljs";
import { asciiFileName, sanitiseFileName } from "~/lib/file-name";
import { addTableSheet } from "~/server/services/spreadsheet/workbook-style";
import type { ChartExport } from "./chart-schema";

export const xlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/**
 * Excel forbids []:*?/\ in sheet names, an apostrophe at either end, and more than 31 characters
 * (cut between characters, never inside an emoji).
 */
function sheetName(title: string) {
  const chars = [...title.replace(/[[\]:*?/\\]+/g, " ").trim()];
  while (chars.join("").length > 31) chars.pop();
  return (
    chars
      .join("")
      .replace(/^'+|'+$/g, "")
      .trim() || "Sheet1"
  );
}

const width = (texts: string[]) =>
  Math.min(60, Math.max(8, ...texts.map((t) => [...t].reduce((n, ch) => n + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0) + 2)));

/**
 * A chart's rows as an .xlsx: one sheet, a bold frozen header of the column labels, numbers
 * as numbers with the column's decimals, missing values as empty cells. Cells are typed, so
 * text beginning with “=” stays text (no formula).
 */
export async function buildChartWorkbook(input: ChartExport) {
  const wb = new ExcelJS.Workbook();
  wb.creator = "党建质量看板";
  wb.created = new Date();
  // Own cells only: rows reach the worker as plain objects, where a column keyed `toString` would read Object.prototype.
  const rows = input.rows.map((r) => input.columns.map((c) => (Object.hasOwn(r, c.key) ? (r[c.key] ?? null) : null)));
  const columns = input.columns.map((c, i) => ({
    header: c.label,
    width: width([c.label, ...rows.slice(0, 500).map((r) => (r[i] === null ? "" : String(r[i])))]),
  }));
  const ws = addTableSheet(wb, sheetName(input.title ?? input.exportName), columns, rows);
  input.columns.forEach((c, i) => {
    if (rows.some((r) => typeof r[i] === "number"))
      ws.getColumn(i + 1).numFmt = c.decimals === 0 ? "0" : `0.${"0".repeat(c.decimals ?? 1)}`;
  });
  const base = sanitiseFileName(input.exportName);
  return {
    fileName: `${base}.xlsx`,
    asciiFileName: `${asciiFileName(input.exportName)}.xlsx`,
    contentType: xlsxContentType,
    body: Buffer.from(await wb.xlsx.writeBuffer()),
  };
}

export type ChartWorkbook = Awaited<ReturnType<typeof buildChartWorkbook>>;
