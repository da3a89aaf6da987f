import "server-only";
import type ExcelJS from "exceljs";

/** Cells the user should not change: grey, so the one column to fill stands out. */
export const lockedFill: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFF2F2F2" } };
const headerFill: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE0E0E0" } };

export type ColumnSpec = { header: string; width: number; locked?: boolean; text?: boolean };

/** Adds a sheet with a bold, frozen header row, set widths, and grey “do not edit” columns. */
export function addTableSheet(wb: ExcelJS.Workbook, name: string, columns: ColumnSpec[], rows: ExcelJS.CellValue[][]) {
  const ws = wb.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.header, width: c.width, style: c.text ? { numFmt: "@" } : {} }));
  ws.addRows(rows);
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.eachCell((cell) => {
    cell.fill = headerFill;
    cell.alignment = { vertical: "middle" };
  });
  columns.forEach((c, i) => {
    if (!c.locked) return;
    for (let r = 2; r <= rows.length + 1; r++) ws.getCell(r, i + 1).fill = lockedFill;
  });
  return ws;
}

/**
 * Data validation over a whole range in one rule. exceljs supports ranges in
 * `worksheet.dataValidations` but its typings only expose the per-cell form.
 */
export function validateRange(ws: ExcelJS.Worksheet, range: string, rule: ExcelJS.DataValidation) {
  (ws as unknown as { dataValidations: { add(range: string, rule: ExcelJS.DataValidation): void } }).dataValidations.add(range, {
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: "stop",
    ...rule,
  });
}

/** The rule that keeps a typed value within an indicator kind's range (same limits as the server). */
export function valueRule(kind: "count" | "rate" | "score" | "boolean" | "business"): ExcelJS.DataValidation {
  switch (kind) {
    case "count":
      return { type: "whole", operator: "greaterThanOrEqual", formulae: [0], error: "须填写不小于 0 的整数" };
    case "boolean":
      return { type: "list", formulae: ['"1,0"'], error: "只能填 1（是）或 0（否）" };
    default:
      return { type: "decimal", operator: "between", formulae: [0, 100], error: "须填写 0 到 100 之间的数" };
  }
}

/** “A2:A501” for a column number and a row span. */
export function columnRange(col: number, from: number, to: number): string {
  let letters = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return `${letters}${from}:${letters}${to}`;
}
