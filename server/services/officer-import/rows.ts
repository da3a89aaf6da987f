import "server-only";
import { officerPosts, type OfficerPost } from "~/lib/codes";
import { todayInChina } from "~/lib/beijing-day";
import { readDate, readInteger, readText, readYesNo } from "~/server/services/spreadsheet/cells";
import { officerHeaders as H, officerPostNames } from "~/server/services/spreadsheet/columns";
import type { Cell, ParsedSheet } from "~/server/services/spreadsheet/read-file";
import type { ErrorList } from "~/server/services/spreadsheet/sheet-errors";
import { isCalendarDate } from "~/server/services/meeting/schemas";
import { officerLimits } from "~/server/services/officer/schemas";
import { m } from "~/lib/server-message";

/** One row of the 干部名册 sheet, read and checked on its own (the roster rules come after, in apply.ts). */
export type RosterRow = {
  row: number;
  unitId: number;
  name: string;
  post: OfficerPost;
  fullTime: boolean;
  concurrentHead: boolean;
  from: string;
  to: string | null;
};

const postByName = new Map<string, OfficerPost>(officerPosts.map((p) => [officerPostNames[p], p]));

/** 书记 / 副书记 / 委员 (also the codes themselves, as an export of the page would write them). */
function readPost(c: Cell): OfficerPost | null {
  const text = readText(c).replace(/\s+/g, "");
  return postByName.get(text) ?? officerPosts.find((p) => p === text.toLowerCase()) ?? null;
}

/** A date as YYYY-MM-DD (an Excel date, 2026-01-05, 2026/1/5, 2026年1月5日), or the message why not. */
function readDay(c: Cell): { ok: true; value: string | null } | { ok: false; message: string } {
  const read = readDate(c);
  if (!read.ok) return read;
  if (read.value === null) return read;
  if (!isCalendarDate(read.value)) return { ok: false, message: m("officerImport.dateUnreadable", { text: readText(c) }) };
  if (read.value < officerLimits.earliestDate) return { ok: false, message: m("officerImport.dateTooEarly", { date: read.value }) };
  return { ok: true, value: read.value };
}

/** A row the template leaves for a unit without officers: only 单位编号 / 单位名称 filled. Skipped. */
const isPlaceholder = (get: (h: string) => Cell | undefined) =>
  [H.name, H.post, H.fullTime, H.concurrentHead, H.from, H.to].every((h) => (get(h) ?? null) === null);

/**
 * Reads every row of the sheet: the rows that are complete and sound, and every problem of the
 * others in `errors` (row number and column, zh-CN first). `today` (Beijing) bounds 任职开始.
 */
export function readRosterRows(sheet: ParsedSheet, errors: ErrorList, today = todayInChina()): RosterRow[] {
  const out: RosterRow[] = [];
  for (const { row, cells } of sheet.rows) {
    const get = (h: string) => cells.get(h) ?? null;
    if (isPlaceholder(get)) continue;
    const fail = (column: string, message: string) => errors.add(sheet.name, row, column, message);
    const before = errors.count;

    const unit = readInteger(get(H.unitId), H.unitId);
    const unitId = unit.ok ? unit.value : null;
    if (!unit.ok) fail(H.unitId, unit.message);
    else if (unitId === null) fail(H.unitId, m("officerImport.unitIdRequired"));

    const name = readText(get(H.name));
    if (name === "") fail(H.name, m("officerImport.nameRequired"));
    else if (name.length > officerLimits.nameChars) fail(H.name, m("officerImport.nameTooLong", { max: officerLimits.nameChars }));

    const post = readPost(get(H.post));
    if (post === null) {
      const text = readText(get(H.post));
      fail(H.post, text === "" ? m("officerImport.postRequired") : m("officerImport.unknownPost", { text }));
    }

    const yesNo = (header: string) => {
      const c = get(header);
      if (c === null) return false; // empty: 否, as on the page's form
      const value = readYesNo(c);
      if (value === null) fail(header, m("officerImport.mustBeYesOrNo", { text: readText(c) }));
      return value ?? false;
    };
    const fullTime = yesNo(H.fullTime);
    const concurrentHead = yesNo(H.concurrentHead);

    const start = readDay(get(H.from));
    const from = start.ok ? start.value : null;
    if (!start.ok) fail(H.from, start.message);
    else if (from === null) fail(H.from, m("officerImport.fromRequired"));
    else if (from > today) fail(H.from, m("officerImport.fromInTheFuture", { from }));
    const end = readDay(get(H.to));
    const to = end.ok ? end.value : null;
    if (!end.ok) fail(H.to, end.message);
    else if (to !== null && from !== null && to < from) fail(H.to, m("officerImport.toBeforeFrom", { from, to }));

    if (errors.count > before || unitId === null || post === null || from === null) continue;
    out.push({ row, unitId, name, post, fullTime, concurrentHead, from, to });
  }
  return out;
}
