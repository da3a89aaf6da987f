import "server-only";
import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { indicatorHeaders, meetingHeaders, normaliseHeader, officerHeaders, sheetNames } from "./columns";
import { plainCell, type Cell } from "./plain-cell";
import { checkZip } from "./zip-guard";
import { m } from "~/lib/server-message";

/**
 * The CPU-heavy half of reading an upload, run in a worker thread (server/workers/): the file is
 * streamed row by row and refused at the first limit, so neither a huge sheet nor a zip bomb is
 * ever held in memory. Only the columns the importer reads travel back to the request thread.
 */

/** 10,000 units × 22 rows fits; more is a mistake or an attack. */
export const MAX_ROWS = 250_000;
/** Columns of one row; a template has 9 (指标) and 14 (会议). */
export const MAX_COLUMNS = 200;
/** Excel's own limit for one cell's text. */
export const MAX_CELL_CHARS = 32_767;

/** A sheet as it crosses threads: the wanted columns of its non-empty rows, flat. */
export type RawSheet = { name: string; headerRow: number; headers: string[]; columns: string[]; rowNumbers: number[]; values: Cell[] };
export type RawFile = { kind: "xlsx" | "csv"; indicators: RawSheet | null; meetings: RawSheet | null; officers: RawSheet | null };
export type ParseResult = { ok: true; file: RawFile } | { ok: false; message: string };

class Refused extends Error {}
const refuse = (message: string): never => {
  throw new Refused(message);
};

const wanted = {
  indicators: { key: indicatorHeaders.code, columns: Object.values(indicatorHeaders) as string[] },
  meetings: { key: meetingHeaders.type, columns: Object.values(meetingHeaders) as string[] },
  officers: { key: officerHeaders.post, columns: Object.values(officerHeaders) as string[] },
};
const kinds = ["indicators", "meetings", "officers"] as const;
type Sheets = Record<(typeof kinds)[number], RawSheet | null>;

/** A cell's value; a number shown as a percentage (“92.5%” typed in Excel is stored as 0.925) counts in percent. */
function cellValue(cell: ExcelJS.Cell): Cell {
  const value = plainCell(cell.value);
  if (typeof value === "string" && value.length > MAX_CELL_CHARS) {
    refuse(m("spreadsheet.cellTextTooLong", { address: cell.address, maxCellChars: MAX_CELL_CHARS }));
  }
  if (typeof value === "number" && cell.numFmt?.includes("%")) return Number((value * 100).toPrecision(12));
  return value;
}

/** Reads one sheet's rows as they stream by: finds the header (within the first 10 rows), keeps the wanted columns. */
class SheetCollector {
  private header: { row: number; byCol: Map<number, string>; colOf: Map<string, number> } | null = null;
  private sheet: RawSheet | null = null;
  private seen = 0;
  constructor(
    private readonly name: string,
    private readonly spec: { key: string; columns: string[] },
  ) {}

  add(row: ExcelJS.Row): void {
    this.seen++;
    if (row.number > MAX_ROWS + 10 || this.seen > MAX_ROWS + 10) {
      refuse(m("spreadsheet.tooManyRows", { name: this.name, maxRows: MAX_ROWS }));
    }
    if (row.cellCount === 0) return; // an empty row (a bomb is made of millions of them) counts, and is skipped
    if (row.cellCount > MAX_COLUMNS)
      refuse(m("spreadsheet.tooManyColumns", { name: this.name, number: row.number, maxColumns: MAX_COLUMNS }));
    if (!this.header) {
      if (row.number > 10) return;
      const byCol = new Map<number, string>();
      row.eachCell((cell, col) => {
        const text = plainCell(cell.value);
        if (typeof text === "string") byCol.set(col, normaliseHeader(text));
      });
      if (![...byCol.values()].includes(this.spec.key)) return;
      const colOf = new Map<string, number>();
      for (const [col, name] of byCol) if (!colOf.has(name)) colOf.set(name, col);
      this.header = { row: row.number, byCol, colOf };
      const headers = [...new Set(byCol.values())];
      const columns = this.spec.columns.filter((c) => headers.includes(c));
      this.sheet = { name: this.name, headerRow: row.number, headers, columns, rowNumbers: [], values: [] };
      return;
    }
    const sheet = this.sheet!;
    const values = sheet.columns.map((c) => cellValue(row.getCell(this.header!.colOf.get(c)!)));
    // Cells outside the wanted columns still count against the limits.
    row.eachCell((cell) => void cellValue(cell));
    if (values.every((v) => v === null)) return;
    sheet.rowNumbers.push(row.number);
    sheet.values.push(...values);
  }

  result(): RawSheet | null {
    return this.sheet;
  }
}

async function readXlsx(bytes: Buffer, fileName: string): Promise<RawFile> {
  const problem = checkZip(bytes, fileName);
  if (problem) refuse(problem);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([bytes]), {
    sharedStrings: "cache",
    styles: "cache",
    hyperlinks: "ignore",
    worksheets: "emit",
    entries: "ignore",
  });
  const found: Sheets = { indicators: null, meetings: null, officers: null };
  const byName: Sheets = { indicators: null, meetings: null, officers: null };
  let sheets = 0;
  for await (const ws of reader) {
    if (++sheets > 50) refuse(m("spreadsheet.tooManySheets", { fileName }));
    const name = (ws as unknown as { name: string }).name;
    const collectors = kinds.map((kind) => ({ kind, c: new SheetCollector(name, wanted[kind]) }));
    for await (const row of ws as AsyncIterable<ExcelJS.Row>) for (const { c } of collectors) c.add(row);
    for (const { kind, c } of collectors) {
      const sheet = c.result();
      if (!sheet) continue;
      // A sheet by its name wins; else the first sheet whose header has the key (a renamed tab still works).
      if (name === sheetNames[kind]) byName[kind] = sheet;
      else found[kind] ??= sheet;
    }
  }
  return {
    kind: "xlsx",
    indicators: byName.indicators ?? found.indicators,
    meetings: byName.meetings ?? found.meetings,
    officers: byName.officers ?? found.officers,
  };
}

/** Text of a CSV file: UTF-8 (with or without BOM), else GB18030/GBK as older Excel saves it. */
function decodeCsv(bytes: Buffer): string {
  if (bytes.includes(0)) refuse(m("spreadsheet.notATextCsv"));
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes); // strips a BOM
  } catch {
    return new TextDecoder("gb18030").decode(bytes);
  }
}

async function readCsv(bytes: Buffer, fileName: string): Promise<RawFile> {
  const text = decodeCsv(bytes);
  let lines = 0;
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) {
    if (++lines > MAX_ROWS + 10) refuse(m("spreadsheet.fileTooManyRows", { fileName, maxRows: MAX_ROWS }));
  }
  const firstLine = text.split("\n", 1)[0] ?? "";
  if (firstLine.includes(";") && !firstLine.includes(",") && !firstLine.includes("\t")) {
    refuse(m("spreadsheet.semicolonSeparatedCsvSaveItWith", { fileName }));
  }
  const delimiter = firstLine.includes("\t") && !firstLine.includes(",") ? "\t" : ",";
  const wb = new ExcelJS.Workbook();
  // Keep every field as text: exceljs would otherwise turn "2026-01-05" into a Date.
  const ws = await wb.csv.read(Readable.from([text]), {
    sheetName: sheetNames.indicators,
    map: (v: unknown) => v,
    parserOptions: { delimiter },
  });
  const collector = new SheetCollector(ws.name, wanted.indicators);
  // A CSV holds one sheet: the 指标 table, or the officers roster saved as CSV.
  const roster = new SheetCollector(sheetNames.officers, wanted.officers);
  ws.eachRow({ includeEmpty: false }, (row) => (collector.add(row), roster.add(row)));
  return { kind: "csv", indicators: collector.result(), meetings: null, officers: roster.result() };
}

const isOds = (bytes: Buffer, fileName: string) =>
  fileName.toLowerCase().endsWith(".ods") || bytes.subarray(30, 120).toString("latin1").includes("application/vnd.oasis.opendocument");

/** Bytes → the wanted columns of the 指标, 会议 and 干部名册 sheets, or why the file cannot be read. */
export async function parseSpreadsheetBytes(bytes: Buffer, fileName: string): Promise<ParseResult> {
  try {
    const lower = fileName.toLowerCase();
    if (bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) {
      if (isOds(bytes, fileName)) {
        refuse(m("spreadsheet.odsFilesAreNotReadSave", { fileName }));
      }
      // exceljs's streaming reader parks sheets that come before the shared strings in temporary
      // files, and under load it has failed now and then on a workbook it reads the next time
      // (seen in CI, never on an idle machine): a zip the guard found sound gets a second read
      // before the person is told it cannot be read.
      for (let attempt = 1; ; attempt++) {
        try {
          return { ok: true, file: await readXlsx(bytes, fileName) };
        } catch (err) {
          if (err instanceof Refused) throw err;
          if (attempt === 2) refuse(m("spreadsheet.cannotReadTheWorkbook", { fileName }));
        }
      }
    }
    if (bytes.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) {
      refuse(m("spreadsheet.saveAsXlsx"));
    }
    if (!lower.endsWith(".csv") && !lower.endsWith(".txt")) {
      refuse(m("spreadsheet.onlyXlsxAndCsv", { fileName }));
    }
    return { ok: true, file: await readCsv(bytes, fileName) };
  } catch (err) {
    if (err instanceof Refused) return { ok: false, message: err.message };
    throw err;
  }
}
