import "server-only";
import { TRPCError } from "@trpc/server";
import { runHeavy } from "~/server/lib/heavy-pool";
import { indicatorHeaders, meetingHeaders, sheetNames } from "./columns";
import type { RawSheet } from "./parse-file";
import type { Cell } from "./plain-cell";
import { m } from "~/lib/server-message";

export { plainCell, type Cell } from "./plain-cell";
/** One row's cells by header name; `row` numbers are the ones Excel shows. */
export type SheetRow = { row: number; cells: { get(header: string): Cell | undefined } };
export type ParsedSheet = { name: string; headerRow: number; headers: Set<string>; rows: SheetRow[] };
export type ParsedFile = { kind: "xlsx" | "csv"; indicators: ParsedSheet | null; meetings: ParsedSheet | null };

export const MAX_FILE_BYTES = 5 * 1024 * 1024;
export const tooLargeMessage = m("spreadsheet.fileLargerThan5Mb");

const bad = (message: string) => new TRPCError({ code: "BAD_REQUEST", message });

/** The flat columns a worker sent back, as rows read by header name (no copy of the values). */
export function toSheet(raw: RawSheet | null): ParsedSheet | null {
  if (!raw) return null;
  const width = raw.columns.length;
  const index = new Map(raw.columns.map((c, i) => [c, i]));
  const rows: SheetRow[] = raw.rowNumbers.map((row, n) => ({
    row,
    cells: {
      get: (header: string) => {
        const i = index.get(header);
        return i === undefined ? undefined : raw.values[n * width + i];
      },
    },
  }));
  return { name: raw.name, headerRow: raw.headerRow, headers: new Set(raw.headers), rows };
}

/** The bytes of an upload, or BAD_REQUEST saying why they cannot be taken. */
export function decodeUpload(input: { fileName: string; contentBase64: string }): Buffer {
  const base64 = input.contentBase64.replace(/^data:[^,]*,/, "");
  if (!/^[A-Za-z0-9+/\s]*={0,2}\s*$/.test(base64)) throw bad(m("spreadsheet.contentIsNotBase64"));
  const bytes = Buffer.from(base64, "base64");
  if (bytes.length === 0) throw bad(m("spreadsheet.theFileIsEmpty", { fileName: input.fileName }));
  if (bytes.length > MAX_FILE_BYTES) throw bad(tooLargeMessage);
  return bytes;
}

/**
 * Decodes an uploaded file and reads its 指标 and 会议 sheets on a worker thread (streamed, with
 * limits). Throws BAD_REQUEST with a message for the person who chose the file when it cannot
 * be read, TOO_MANY_REQUESTS when `owner` or the server has too much heavy work running.
 */
export async function readSpreadsheet(input: { fileName: string; contentBase64: string }, owner: string): Promise<ParsedFile> {
  const bytes = decodeUpload(input);
  const result = await runHeavy(owner, { kind: "parse", bytes, fileName: input.fileName });
  if (!result.ok) throw bad(result.message);
  const indicators = toSheet(result.file.indicators);
  const meetings = toSheet(result.file.meetings);
  if (!indicators && !meetings) {
    throw bad(
      m("spreadsheet.noImportableSheet", {
        fileName: input.fileName,
        code: indicatorHeaders.code,
        indicators: sheetNames.indicators,
        type: meetingHeaders.type,
        meetings: sheetNames.meetings,
      }),
    );
  }
  return { kind: result.file.kind, indicators, meetings };
}
