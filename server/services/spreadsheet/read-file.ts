import { Readable } from "node:stream";
import { TRPCError } from "@trpc/server";
import ExcelJS from "exceljs";
import { indicatorHeaders, meetingHeaders, normaliseHeader, sheetNames } from "./columns";

/** One cell as the validators see it (formulas reduced to their cached result). */
export type Cell = string | number | boolean | Date | null | { error: string };
export type SheetRow = { row: number; cells: Map<string, Cell> };
/** A sheet read by header names; `row` numbers are the ones Excel shows. */
export type ParsedSheet = { name: string; headerRow: number; headers: Set<string>; rows: SheetRow[] };
export type ParsedFile = { kind: "xlsx" | "csv"; indicators: ParsedSheet | null; meetings: ParsedSheet | null };

export const MAX_FILE_BYTES = 5 * 1024 * 1024;
/** 10,000 units × 22 rows fits; more is a mistake or an attack, and exceljs holds it all in memory. */
const MAX_ROWS = 250_000;

const bad = (message: string) => new TRPCError({ code: "BAD_REQUEST", message });

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

/** A cell's value; a number shown as a percentage (“92.5%” typed in Excel is stored as 0.925) counts in percent. */
function cellValue(cell: ExcelJS.Cell): Cell {
  const value = plainCell(cell.value);
  if (typeof value === "number" && cell.numFmt?.includes("%")) return Number((value * 100).toPrecision(12));
  return value;
}

/** Text of a CSV file: UTF-8 (with or without BOM), else GB18030/GBK as older Excel saves it. */
function decodeCsv(bytes: Buffer): string {
  if (bytes.includes(0)) throw bad("文件不是文本格式的 CSV，请上传 .xlsx 文件或用 Excel 另存为“CSV UTF-8”（not a text CSV）");
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes); // strips a BOM
  } catch {
    return new TextDecoder("gb18030").decode(bytes);
  }
}

async function loadWorkbook(bytes: Buffer, fileName: string): Promise<{ kind: "xlsx" | "csv"; wb: ExcelJS.Workbook }> {
  const wb = new ExcelJS.Workbook();
  const lower = fileName.toLowerCase();
  if (bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) {
    try {
      // exceljs's Buffer type predates @types/node's generic Buffer.
      await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    } catch {
      throw bad(`无法读取「${fileName}」：文件已损坏或不是 Excel 工作簿（.xlsx）（cannot read the workbook）`);
    }
    return { kind: "xlsx", wb };
  }
  if (bytes.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) {
    throw bad("不支持旧版 .xls 或加密的工作簿，请在 Excel 中“另存为” .xlsx 后再上传（save as .xlsx）");
  }
  if (!lower.endsWith(".csv") && !lower.endsWith(".txt")) {
    throw bad(`无法识别「${fileName}」：仅支持 Excel 工作簿（.xlsx）和 CSV 文件（only .xlsx and .csv）`);
  }
  const text = decodeCsv(bytes);
  const firstLine = text.split("\n", 1)[0] ?? "";
  const delimiter = firstLine.includes("\t") && !firstLine.includes(",") ? "\t" : ",";
  // Keep every field as text: exceljs would otherwise turn "2026-01-05" into a Date.
  await wb.csv.read(Readable.from([text]), {
    sheetName: sheetNames.indicators,
    map: (v: unknown) => v,
    parserOptions: { delimiter },
  });
  return { kind: "csv", wb };
}

/** The header row (within the first 10) holding `key`, and the column number of each header. */
function findHeader(ws: ExcelJS.Worksheet, key: string): { headerRow: number; columns: Map<string, number> } | null {
  for (let r = 1; r <= Math.min(10, ws.rowCount); r++) {
    const columns = new Map<string, number>();
    ws.getRow(r).eachCell((cell, col) => {
      const text = plainCell(cell.value);
      if (typeof text === "string") columns.set(normaliseHeader(text), col);
    });
    if (columns.has(key)) return { headerRow: r, columns };
  }
  return null;
}

function readSheet(ws: ExcelJS.Worksheet, key: string): ParsedSheet | null {
  const header = findHeader(ws, key);
  if (!header) return null;
  if (ws.rowCount > MAX_ROWS) throw bad(`「${ws.name}」有 ${ws.rowCount} 行，超过 ${MAX_ROWS} 行的上限，请拆分后分批导入（too many rows）`);
  const rows: SheetRow[] = [];
  for (let r = header.headerRow + 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells = new Map<string, Cell>();
    for (const [name, col] of header.columns) cells.set(name, cellValue(row.getCell(col)));
    if ([...cells.values()].some((v) => v !== null)) rows.push({ row: r, cells });
  }
  return { name: ws.name, headerRow: header.headerRow, headers: new Set(header.columns.keys()), rows };
}

/** A sheet by its name, else the first sheet whose header has `key` (a renamed tab still works). */
function pick(wb: ExcelJS.Workbook, name: string, key: string): ParsedSheet | null {
  const named = wb.getWorksheet(name);
  if (named) return readSheet(named, key);
  for (const ws of wb.worksheets) {
    const sheet = readSheet(ws, key);
    if (sheet) return sheet;
  }
  return null;
}

/**
 * Decodes an uploaded file and reads its 指标 and 会议 sheets. Throws BAD_REQUEST with a
 * message for the person who chose the file when it cannot be read at all.
 */
export async function readSpreadsheet(input: { fileName: string; contentBase64: string }): Promise<ParsedFile> {
  const base64 = input.contentBase64.replace(/^data:[^,]*,/, "");
  if (!/^[A-Za-z0-9+/\s]*={0,2}\s*$/.test(base64)) throw bad("上传内容不是有效的 base64 编码（content is not base64）");
  const bytes = Buffer.from(base64, "base64");
  if (bytes.length === 0) throw bad(`「${input.fileName}」是空文件（the file is empty）`);
  if (bytes.length > MAX_FILE_BYTES) throw bad(tooLargeMessage);
  const { kind, wb } = await loadWorkbook(bytes, input.fileName);
  const indicators = pick(wb, sheetNames.indicators, indicatorHeaders.code);
  const meetings = kind === "xlsx" ? pick(wb, sheetNames.meetings, meetingHeaders.type) : null;
  if (!indicators && !meetings) {
    throw bad(
      `「${input.fileName}」中找不到可导入的数据：需要含「${indicatorHeaders.code}」列的「${sheetNames.indicators}」表或含「${meetingHeaders.type}」列的「${sheetNames.meetings}」表，请使用本系统下载的模板（no importable sheet）`,
    );
  }
  return { kind, indicators, meetings };
}

export const tooLargeMessage = "文件超过 5 MB 的上限，请拆分后分批导入（file larger than 5 MB）";
