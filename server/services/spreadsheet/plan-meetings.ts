import "server-only";
import { and, inArray } from "drizzle-orm";
import type { Db } from "~/db/client";
import { meetingTypes, type MeetingType } from "~/lib/codes";
import { meetings, type Meeting, type Unit } from "~/db/schema";
import { formatQuarter } from "~/lib/quarter";
import type { Actor } from "~/server/scope";
import type { MeetingFields } from "~/server/services/meeting/guards";
import { meetingInputSchema, meetingLimits, quarterOfDate } from "~/server/services/meeting/schemas";
import { readCount, readDate, readInteger, readText, readYesNo, type Read } from "./cells";
import { meetingHeaders as H, meetingTypeNames } from "./columns";
import { chunks, reportKey, reportsByKey } from "./lookups";
import { writableUnit, type UnitLookup } from "./plan-values";
import type { Cell, ParsedSheet } from "./read-file";
import type { RowTicker } from "./row-ticker";
import type { ErrorList } from "./sheet-errors";
import { m } from "~/lib/server-message";

/** What importing one 会议 row would do. */
export type MeetingPlan = {
  row: number;
  unit: Unit;
  fields: MeetingFields;
  existing: Meeting | null;
  change: "create" | "update" | "unchanged";
};

const typeByName = new Map<string, MeetingType>([
  ...meetingTypes.map((code) => [code, code] as const),
  ...Object.entries(meetingTypeNames).map(([code, name]) => [name, code as MeetingType] as const),
  ["支委会", "committee"],
  ["党员大会", "branch_assembly"],
]);

/** The column a schema field's message belongs in (the breakdowns are not in the sheet; they follow the total). */
const columnOf: Record<string, string> = {
  type: H.type,
  date: H.date,
  expected: H.expected,
  present: H.present,
  topic: H.topic,
  solicitedOpinions: H.solicitedOpinions,
  criticalOpinions: H.criticalOpinions,
  selfCriticisms: H.criticalOpinions,
  mutualCriticisms: H.criticalOpinions,
  rectificationItems: H.rectificationItems,
  minutes: H.minutes,
};

/** Values that pass every rule and trip no cross-field one (see the second pass below). */
const standIns: Record<string, unknown> = {
  type: "group",
  date: meetingLimits.earliestDate,
  expected: meetingLimits.attendees,
  present: 0,
  topic: "—",
  solicitedOpinions: false,
  criticalOpinions: 0,
  rectificationItems: 0,
  minutes: "",
};

const compared = [
  ...(["type", "date", "expected", "present", "topic"] as const),
  ...(["solicitedOpinions", "criticalOpinions", "rectificationItems"] as const),
];
/** Excel keeps line breaks as \n and drops trailing blanks: compare minutes by their text. */
const sameMinutes = (a: string, b: string) => a.replace(/\r\n?/g, "\n").trim() === b.replace(/\r\n?/g, "\n").trim();
const naturalKey = (unitId: number, date: string, type: string, topic: string) => `${unitId}|${date}|${type}|${topic}`;

/** Reads one row into the shape `meetingInputSchema` checks; conversion problems go to `fail`. */
function readRow(get: (h: string) => Cell, fail: (column: string, message: string) => void) {
  const take = <T>(column: string, r: Read<T>): T | undefined => {
    if (r.ok) return r.value;
    fail(column, r.message);
    return undefined;
  };
  const typeText = readText(get(H.type));
  const type = typeByName.get(typeText);
  if (typeText !== "" && !type) {
    fail(H.type, m("spreadsheet.unknownMeetingType", { typeText, types: Object.values(meetingTypeNames).join("、") }));
  }
  const solicitedCell = get(H.solicitedOpinions);
  const solicited = solicitedCell === null ? false : readYesNo(solicitedCell);
  if (solicited === null) fail(H.solicitedOpinions, m("spreadsheet.mustBeOr"));
  const minutesCell = get(H.minutes);
  return {
    type: type ?? (typeText === "" ? undefined : typeText),
    date: take(H.date, readDate(get(H.date))) ?? undefined,
    expected: take(H.expected, readCount(get(H.expected), "应到人数")) ?? undefined,
    present: take(H.present, readCount(get(H.present), "实到人数")) ?? undefined,
    topic: readText(get(H.topic)),
    solicitedOpinions: solicited ?? false,
    // People leave the counts empty when there were none.
    criticalOpinions: take(H.criticalOpinions, readCount(get(H.criticalOpinions), "批评意见条数")) ?? 0,
    rectificationItems: take(H.rectificationItems, readCount(get(H.rectificationItems), "整改事项数")) ?? 0,
    // Minutes keep their own spacing and line breaks (readText would trim them).
    minutes: typeof minutesCell === "string" ? minutesCell : readText(minutesCell),
  };
}

/**
 * Checks every row of a 会议 sheet with the meeting schema and scope. A row with 编号 edits that
 * meeting; a row without one that matches a stored meeting of the unit on date, type and topic
 * is taken as that meeting, so importing the same file twice creates nothing twice.
 */
export async function planMeetings(db: Db, actor: Actor, sheet: ParsedSheet, loadUnits: UnitLookup, errors: ErrorList, ticker: RowTicker) {
  const required = [
    ...[H.unitId, H.date, H.type, H.expected, H.present, H.topic],
    ...[H.solicitedOpinions, H.criticalOpinions, H.rectificationItems, H.minutes],
  ];
  const missing = required.filter((h) => !sheet.headers.has(h));
  for (const h of missing) errors.add(sheet.name, sheet.headerRow, h, m("spreadsheet.columnMissing", { h }));
  if (missing.length > 0) return [];

  const rows = sheet.rows.filter((r) => [H.id, ...required].some((h) => r.cells.get(h) != null));
  const ids = rows.map((r) => readInteger(r.cells.get(H.id) ?? null, "会议编号"));
  const unitIds = rows.map((r) => readInteger(r.cells.get(H.unitId) ?? null, "单位编号"));
  const units = await loadUnits(unitIds.flatMap((u) => (u.ok && u.value !== null ? [u.value] : [])));
  const wantedIds = ids.flatMap((i) => (i.ok && i.value !== null ? [i.value] : []));
  const byId = new Map<number, Meeting>();
  for (const part of chunks(wantedIds)) {
    for (const m of await db.select().from(meetings).where(inArray(meetings.id, part))) byId.set(m.id, m);
  }

  const candidates: { row: number; unit: Unit; id: number | null; fields: MeetingFields }[] = [];
  for (const [i, r] of rows.entries()) {
    await ticker.tick();
    let valid = true;
    const failed = new Set<string>();
    const fail = (column: string, message: string) => {
      errors.add(sheet.name, r.row, column, message);
      failed.add(column);
      valid = false;
    };
    const id = ids[i]!;
    const unitId = unitIds[i]!;
    if (!id.ok) fail(H.id, id.message);
    let unit: Unit | null = null;
    if (!unitId.ok) fail(H.unitId, unitId.message);
    else if (unitId.value === null) fail(H.unitId, m("spreadsheet.unitIdIsRequired"));
    else {
      const found = writableUnit(actor, units, unitId.value);
      if (typeof found === "string") fail(H.unitId, found);
      else unit = found;
    }
    const candidate: Record<string, unknown> = { ...readRow((h) => r.cells.get(h) ?? null, fail), unitId: unit?.id ?? 1 };
    // zod skips the cross-field rules while a field is invalid; a second pass with neutral
    // stand-ins for the failed fields finds those too, so one upload lists every problem.
    let parsed = meetingInputSchema.safeParse(candidate);
    for (let pass = 0; pass < 2 && !parsed.success; pass++) {
      for (const issue of parsed.error.issues) {
        const column = columnOf[String(issue.path[0])];
        if (column && !failed.has(column)) fail(column, issue.message);
      }
      for (const [field, column] of Object.entries(columnOf))
        if (failed.has(column) && field in standIns) candidate[field] = standIns[field];
      parsed = meetingInputSchema.safeParse(candidate);
    }
    const existing = id.ok && id.value !== null ? byId.get(id.value) : undefined;
    if (id.ok && id.value !== null && unit && existing?.unitId !== unit.id) {
      fail(H.id, m("spreadsheet.unknownMeeting", { value: id.value, id: unit.id }));
    }
    if (valid && unit && parsed.success) {
      const { unitId: _u, ...fields } = parsed.data;
      candidates.push({ row: r.row, unit, id: id.ok ? id.value : null, fields });
    }
  }

  const byNaturalKey = new Map<string, Meeting>();
  const dates = [...new Set(candidates.map((c) => c.fields.date))];
  for (const part of chunks([...new Set(candidates.map((c) => c.unit.id))])) {
    const stored = await db
      .select()
      .from(meetings)
      .where(and(inArray(meetings.unitId, part), inArray(meetings.date, dates)));
    for (const m of stored) byNaturalKey.set(naturalKey(m.unitId, m.date, m.type, m.topic), m);
  }
  const claimedBy = new Map<number | string, number>(); // meeting id or natural key of a new one → row
  const plans: MeetingPlan[] = [];
  for (const c of candidates) {
    const key = naturalKey(c.unit.id, c.fields.date, c.fields.type, c.fields.topic);
    const existing = c.id !== null ? byId.get(c.id)! : (byNaturalKey.get(key) ?? null);
    const claim = existing?.id ?? key;
    const first = claimedBy.get(claim);
    if (first !== undefined) {
      errors.add(sheet.name, c.row, c.id !== null ? H.id : H.topic, m("spreadsheet.duplicateOfRow", { first }));
      continue;
    }
    claimedBy.set(claim, c.row);
    // The sheet has no self/mutual breakdown: keep the stored one while the total still matches it.
    const keepsBreakdown = existing && existing.criticalOpinions === c.fields.criticalOpinions;
    const fields = {
      ...c.fields,
      selfCriticisms: keepsBreakdown ? existing.selfCriticisms : null,
      mutualCriticisms: keepsBreakdown ? existing.mutualCriticisms : null,
    };
    const same = existing && compared.every((f) => existing[f] === fields[f]) && sameMinutes(existing.minutes, fields.minutes);
    const change = !existing ? "create" : same ? "unchanged" : "update";
    plans.push({ row: c.row, unit: c.unit, fields, existing, change });
  }
  await checkQuartersOpen(db, sheet.name, plans, errors);
  return plans;
}

/** Mirrors the meeting service's rule (an approved report locks its quarter's meetings), for the preview. */
async function checkQuartersOpen(db: Db, sheetName: string, plans: MeetingPlan[], errors: ErrorList) {
  const touched = plans.filter((p) => p.change !== "unchanged");
  const pairs = touched.flatMap((p) => [
    { unitId: p.unit.id, quarter: quarterOfDate(p.fields.date) },
    ...(p.existing ? [{ unitId: p.unit.id, quarter: p.existing.quarter }] : []),
  ]);
  const reports = await reportsByKey(db, pairs, { values: false });
  for (const p of touched) {
    const quarters = new Set([quarterOfDate(p.fields.date), ...(p.existing ? [p.existing.quarter] : [])]);
    for (const q of quarters) {
      if (reports.get(reportKey(p.unit.id, q))?.status === "approved") {
        const zh = formatQuarter(q, "zh-CN");
        errors.add(sheetName, p.row, H.date, m("spreadsheet.theReportOfIsApprovedAnd", { zh, q }));
      }
    }
  }
}
