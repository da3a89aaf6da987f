import "server-only";
import type ExcelJS from "exceljs";

/** One cell as the validators see it (formulas reduced to their cached result). */
export type Cell = string | number | boolean | Date | null | { error: string };

/** The cached value of a cell, with rich text, hyperlinks and formulas reduced to plain values. */
export function plainCell(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return value.trim() === "" ? null : value;
  if (typeof value === "number" || typeof value === "boolean" || value instanceof Date) return value;
  if ("error" in value) return { error: value.error };
  if ("richText" in value) return plainCell(value.richText.map((r) => r.text).join(""));
  if ("hyperlink" in value) return plainCell(value.text);
  if ("result" in value) return value.result === undefined ? null : plainCell(value.result);
  return null; // a formula Excel never calculated: treat as empty rather than guess
}
