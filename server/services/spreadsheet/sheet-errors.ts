import "server-only";
import { TRPCError } from "@trpc/server";
import { FieldValidationError } from "~/server/errors";
import { localiseServerMessage } from "~/lib/server-message";
import { m } from "~/lib/server-message";

/** One problem in an uploaded file, placed where the user will look for it. */
export type SheetError = { sheet: string; row: number; column: string | null; message: string };

/** Shown in full; beyond this the preview says how many more there are. */
export const MAX_LISTED_ERRORS = 500;

/** “指标 第7行「填报值」：…” — the way staff would describe the cell to a colleague. */
export const describeSheetError = (e: SheetError) => `${e.sheet} 第${e.row}行${e.column ? `「${e.column}」` : ""}：${e.message}`;

/** Collects every error of a file (counting all, keeping the first MAX_LISTED_ERRORS). */
export class ErrorList {
  readonly listed: SheetError[] = [];
  count = 0;
  add(sheet: string, row: number, column: string | null, message: string) {
    this.count++;
    if (this.listed.length < MAX_LISTED_ERRORS) this.listed.push({ sheet, row, column, message });
  }
  /** The listed errors in the caller's UI language (both languages when unknown), each with its full text. */
  localised(locale?: string | null) {
    return this.listed.map((e) => {
      const message = localiseServerMessage(e.message, locale);
      return { ...e, message, text: describeSheetError({ ...e, message }) };
    });
  }
  /** BAD_REQUEST naming every listed error as a field message `<sheet>!<row>!<column>`. */
  toTrpcError(locale?: string | null): TRPCError {
    const fieldErrors: Record<string, string> = {};
    for (const e of this.localised(locale)) fieldErrors[`${e.sheet}!${e.row}!${e.column ?? ""}`] ??= e.text;
    return new TRPCError({
      code: "BAD_REQUEST",
      message: m("spreadsheet.errorsNothingImported", { count: this.count }),
      cause: new FieldValidationError(fieldErrors),
    });
  }
}
