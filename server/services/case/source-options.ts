import "server-only";
import { and, desc, eq, gte, isNull, or } from "drizzle-orm";
import type { FlagKind } from "~/lib/codes";
import type { Db } from "~/db/client";
import { inspections, meetings, reports, reviewMeetings, units, type Unit } from "~/db/schema";
import { formatDate } from "~/lib/format-date";
import { addQuarters, formatQuarter } from "~/lib/quarter";
import { serverTranslator, type Translate } from "~/server/lib/translator";
import { ancestorOrSelfSql, assertUnitInScope, reachSql, type Actor } from "~/server/scope";
import { meetingFlags } from "~/server/services/meeting/flags";
import { quarterOfDate, todayInChina } from "~/server/services/meeting/schemas";
import type { SourceOptionsInput } from "./schemas";

export type SourceOption = { id: number; label: string; flagKinds?: FlagKind[] };

/** Meetings (and their flags) are offered from this many quarters, the running one included. */
export const SOURCE_MEETING_QUARTERS = 4;
const LIMIT = 300;

type Ctx = { db: Db; actor: Actor; unit: Unit; t: Translate; locale: string; from: string; includeId?: number };

async function reportOptions({ db, unit, t, locale, includeId }: Ctx): Promise<SourceOption[]> {
  const rows = await db
    .select({ id: reports.id, quarter: reports.quarter, status: reports.status })
    .from(reports)
    .where(eq(reports.unitId, unit.id))
    .orderBy(desc(reports.quarter))
    .limit(includeId ? LIMIT : 40);
  return rows.map((r) => ({ id: r.id, label: `${formatQuarter(r.quarter, locale)} · ${t(`status.${r.status}`)}` }));
}

async function meetingRows({ db, unit, from, includeId }: Ctx) {
  return db
    .select({ id: meetings.id, date: meetings.date, quarter: meetings.quarter, type: meetings.type, topic: meetings.topic })
    .from(meetings)
    .where(and(eq(meetings.unitId, unit.id), or(gte(meetings.quarter, from), includeId ? eq(meetings.id, includeId) : undefined)))
    .orderBy(desc(meetings.date), desc(meetings.id))
    .limit(LIMIT);
}

/** Dates as the page's language writes them (2026年9月27日 / 2026-09-27), like every other date on screen. */
const meetingLabel = (t: Translate, locale: string, m: { date: string; type: string; topic: string }) =>
  `${formatDate(m.date, locale)} ${t(`meetings.types.${m.type}`)} · ${m.topic}`;

async function meetingOptions(c: Ctx): Promise<SourceOption[]> {
  return (await meetingRows(c)).map((m) => ({ id: m.id, label: meetingLabel(c.t, c.locale, m) }));
}

/** The unit's meetings that raise a formalism flag of their own (the quarter-end bunching flag names no meeting). */
async function flagOptions(c: Ctx): Promise<SourceOption[]> {
  const rows = await meetingRows(c);
  if (rows.length === 0) return [];
  const quarters = rows.map((m) => m.quarter).sort();
  const flags = await meetingFlags(
    { db: c.db, actor: c.actor },
    { unitId: c.unit.id, from: quarters[0]!, to: quarters.at(-1)!, subtree: false },
  );
  const kinds = new Map<number, FlagKind[]>();
  for (const f of flags) if (f.meetingId !== null) kinds.set(f.meetingId, [...(kinds.get(f.meetingId) ?? []), f.kind]);
  const sep = c.locale === "en" ? ", " : "、";
  return rows
    .filter((m) => kinds.has(m.id) || m.id === c.includeId)
    .map((m) => {
      const flagKinds = kinds.get(m.id) ?? [];
      const named = flagKinds.map((k) => c.t(`meetings.flags.kinds.${k}`)).join(sep);
      return { id: m.id, label: named ? `${meetingLabel(c.t, c.locale, m)} — ${named}` : meetingLabel(c.t, c.locale, m), flagKinds };
    });
}

async function inspectionOptions({ db, unit, t, locale }: Ctx): Promise<SourceOption[]> {
  const rows = await db
    .select({
      id: inspections.id,
      date: inspections.inspectedOn,
      subject: inspections.subject,
      personName: inspections.personName,
      result: inspections.result,
    })
    .from(inspections)
    .where(and(eq(inspections.unitId, unit.id), isNull(inspections.withdrawnAt)))
    .orderBy(desc(inspections.inspectedOn), desc(inspections.id))
    .limit(LIMIT);
  return rows.map((i) => ({
    id: i.id,
    label: `${formatDate(i.date, locale)} ${t(`inspections.subjects.${i.subject}`)}${i.personName ? ` ${i.personName}` : ""} · ${t(`inspections.results.${i.result}`)}`,
  }));
}

/** Review meetings whose subtree holds the unit, among those the caller may read. */
async function reviewOptions({ db, actor, unit, t }: Ctx): Promise<SourceOption[]> {
  const rows = await db
    .select({ id: reviewMeetings.id, title: reviewMeetings.title, status: reviewMeetings.status })
    .from(reviewMeetings)
    .innerJoin(units, eq(units.id, reviewMeetings.unitId))
    .where(and(ancestorOrSelfSql(units, unit), reachSql(actor, "read", units)))
    .orderBy(desc(reviewMeetings.quarter), desc(reviewMeetings.id))
    .limit(LIMIT);
  return rows.map((m) => ({ id: m.id, label: `${m.title} · ${t(`review.statuses.${m.status}`)}` }));
}

const byType = {
  report: reportOptions,
  meeting: meetingOptions,
  flag: flagOptions,
  inspection: inspectionOptions,
  review_meeting: reviewOptions,
};

/**
 * `case.sourceOptions`: the records of `unitId` that a case opened on it may name as its source,
 * newest first, labelled in the caller's UI language — reports; meetings of the last
 * four quarters, the running one included (for `flag`: those with formalism flags, with their kinds);
 * 一岗双责 inspections; review meetings over the unit. Scoped as `case.create`, so a reviewer
 * cannot list another branch's records. `includeId` keeps an older pre-filled record listed.
 */
export async function caseSourceOptions(
  { db, actor, locale }: { db: Db; actor: Actor; locale?: string | null },
  input: SourceOptionsInput,
  today = todayInChina(),
): Promise<SourceOption[]> {
  const unit = await assertUnitInScope(db, actor, input.unitId, "case");
  const t = await serverTranslator(locale);
  const from = addQuarters(quarterOfDate(today), -(SOURCE_MEETING_QUARTERS - 1));
  return byType[input.sourceType]({ db, actor, unit, t, locale: locale === "en" ? "en" : "zh-CN", from, includeId: input.includeId });
}
