import "server-only";
import { makeQuarter, quarterPattern } from "~/lib/quarter";
import type { Cell } from "./plain-cell";
import { m } from "~/lib/server-message";

/** Reading one typed cell: the value, or why it cannot be used (zh-CN first). */
export type Read<T> = { ok: true; value: T } | { ok: false; message: string };
const ok = <T>(value: T): Read<T> => ({ ok: true, value });
const fail = (message: string): Read<never> => ({ ok: false, message });

const errorCell = (c: Cell): c is { error: string } => typeof c === "object" && c !== null && !(c instanceof Date);
const errorValue = (c: { error: string }) => fail(m("spreadsheet.cellHoldsTheError", { error: c.error }));

export function readText(c: Cell): string {
  if (c === null || errorCell(c)) return "";
  if (c instanceof Date) return c.toISOString().slice(0, 10);
  return String(c).trim();
}

/**
 * A number as people type it into a spreadsheet, in the plain spelling the validators read:
 * full-width digits, point, signs and percent (“８５．５”, “９５％”, “－３”, as a Chinese input
 * method types them), a minus sign “−”, spaces before a percent sign, and thousands separators
 * (“1,234”, “１，２３４．５”). Anything else comes back trimmed and otherwise as typed.
 */
export function normaliseNumberText(text: string): string {
  const plain = text
    .normalize("NFKC")
    .replace(/[\u2212\u2012\u2013]/g, "-")
    .replace(/\s+/g, "");
  if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?%?$/.test(plain)) return plain.replace(/,/g, "");
  return /^[+-]?[\d.]+%?$/.test(plain) ? plain : text.trim();
}

/** A whole number such as a unit id or a meeting id (“12”, 12, 12.0, “１２”). */
export function readInteger(c: Cell, what: string): Read<number | null> {
  if (c === null) return ok(null);
  if (errorCell(c)) return errorValue(c);
  const text = typeof c === "string" ? normaliseNumberText(c) : "";
  const n = typeof c === "number" ? c : /^\d+(\.0+)?$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(n) || n <= 0 || n > 2_147_483_647) return fail(m("spreadsheet.mustBeAPositiveWholeNumber", { what }));
  return ok(n);
}

/** A count a person may leave empty for zero. */
export function readCount(c: Cell, what: string): Read<number | null> {
  if (c === null) return ok(null);
  if (errorCell(c)) return errorValue(c);
  const text = typeof c === "string" ? normaliseNumberText(c) : "";
  const n = typeof c === "number" ? c : /^[+-]?\d+(\.\d+)?$/.test(text) ? Number(text) : NaN;
  if (!Number.isInteger(n)) return fail(m("spreadsheet.mustBeAWholeNumber", { what }));
  return ok(n);
}

const quarterDigits: Record<string, number> = { "1": 1, "2": 2, "3": 3, "4": 4, 一: 1, 二: 2, 三: 3, 四: 4 };

/** `2026Q3`, `2026q3` or `2026年第3季度`. */
export function readQuarter(c: Cell): Read<string> {
  const text = readText(c).replace(/\s+/g, "");
  if (text === "") return fail(m("spreadsheet.quarterIsRequired"));
  const upper = text.toUpperCase();
  if (quarterPattern.test(upper)) return ok(upper);
  const zh = /^(\d{4})年第?([1-4一二三四])季度?$/.exec(text);
  if (zh) return ok(makeQuarter(Number(zh[1]), quarterDigits[zh[2]!]!));
  return fail(m("spreadsheet.quarterMustLookLike2026q3", { text }));
}

/** An indicator value as `validateValues` takes it; 是/否 and TRUE/FALSE stand for 1/0. */
export function readIndicatorValue(c: Cell): Read<number | string | null> {
  if (c === null) return ok(null);
  if (errorCell(c)) return errorValue(c);
  if (c instanceof Date) return fail(m("spreadsheet.mustBeANumberNotA"));
  if (typeof c === "boolean") return ok(c ? 1 : 0);
  if (typeof c === "string") {
    const yesNo = readYesNo(c);
    if (yesNo !== null) return ok(yesNo ? 1 : 0);
    return ok(normaliseNumberText(c));
  }
  return ok(c);
}

/** 是/否, Y/N, TRUE/FALSE, 1/0; null when the text is none of those. */
export function readYesNo(c: Cell): boolean | null {
  if (typeof c === "boolean") return c;
  if (typeof c === "number") return c === 1 ? true : c === 0 ? false : null;
  const text = readText(c).normalize("NFKC").toLowerCase();
  if (["是", "y", "yes", "true", "1", "√"].includes(text)) return true;
  if (["否", "n", "no", "false", "0", "×"].includes(text)) return false;
  return null;
}

const pad = (n: number) => String(n).padStart(2, "0");

/**
 * A calendar date as YYYY-MM-DD: a date cell (exceljs reads those as UTC midnight), an Excel
 * serial number, or text such as 2026-3-5, 2026/03/05, 2026.3.5, 2026年3月5日.
 */
export function readDate(c: Cell): Read<string | null> {
  if (c === null) return ok(null);
  if (errorCell(c)) return errorValue(c);
  if (c instanceof Date) return ok(`${c.getUTCFullYear()}-${pad(c.getUTCMonth() + 1)}-${pad(c.getUTCDate())}`);
  if (typeof c === "number" && c > 0 && c < 2_958_466) {
    const d = new Date(Date.UTC(1899, 11, 30) + Math.round(c) * 86_400_000);
    return ok(`${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`);
  }
  const text = readText(c);
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text);
  // Anything else goes to the meeting schema as typed, which explains the expected format.
  return ok(m ? `${m[1]}-${pad(Number(m[2]))}-${pad(Number(m[3]))}` : text);
}
