import "server-only";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "~/db/client";
import type { FlagKind, MeetingType } from "~/lib/codes";
import type { Unit } from "~/db/schema";
import { assertUnitInScope, reachSql, readableFromSql, type Actor } from "~/server/scope";
import { outOfReachDutyReportEvidence, outOfReachMatchEvidence } from "./out-of-reach";

/**
 * Formalism flags (形式主义预警), computed on read — except the copied-minutes and copied
 * duty-report matches, computed when a meeting or duty report is written and stored on it
 * (./copied-match.ts, ../assessment/duty-copy.ts). Thresholds are
 * named so that the rule a flag stands for can be read (and argued with) in one place.
 */
export const flagRules = {
  /** Shorter minutes are too thin to compare (any two short notes look alike). */
  minMinutesChars: 30,
  /** Attendance below this share of those expected (numerator, denominator: exact in integers). */
  lowAttendance: [2, 3],
  /** At least this many meetings in a quarter, all of them … */
  bunchingMinMeetings: 3,
  /** … dated within this many last days of the quarter. */
  bunchingLastDays: 10,
} as const;

/** Meetings where criticism and self-criticism are the point; none raised is a warning sign. */
const criticismTypes: readonly MeetingType[] = ["org_life", "democratic_life"];

export type MeetingFlag = {
  unitId: number;
  unitName: string;
  quarter: string;
  meetingId: number | null;
  meetingType: MeetingType | null;
  date: string | null;
  kind: FlagKind;
  evidence: Record<string, unknown>;
};

type Row = Omit<MeetingFlag, "evidence"> & { evidence: Record<string, unknown> | string };

/**
 * `meeting.flags`: every flag of the meetings of `unitId`'s subtree (staff, or `subtree:
 * false`: the unit alone) in the quarter range, in one query. Copied minutes come from the
 * match stored on each meeting (`copied_from_id`, `copied_similarity`: the best match among the
 * earlier meetings of the same unit and any meeting of another unit, see ./copied-match.ts).
 *
 * Evidence: zero_criticism {type, date, count}; low_attendance {present, expected, ratio};
 * copied_minutes {otherMeetingId, otherUnitId, otherUnitName, otherDate, otherQuarter,
 * otherReadable: true, sameUnit, similarity} — or, when the caller may not read the other meeting,
 * only {otherReadable: false, sameUnit: false, similarity, message} (./out-of-reach.ts);
 * quarter_end_bunching {count, firstDate, lastDate}; copied_duty_report (述职报告雷同: the match stored on a duty
 * report, server/services/assessment/duty-copy.ts; listed in the Q4 of the report's year, with no
 * meeting) {dutyReportId, year, otherDutyReportId, otherUnitId, otherUnitName, otherYear,
 * otherReadable: true, sameUnit, similarity} — or, out of reach, {otherReadable: false, sameUnit:
 * false, similarity, year, message}.
 *
 * Cost: no trigram search on read (one GIN probe per meeting took ≈13–19 ms with the demo's
 * 2,700 meetings, tens of seconds for a whole tree over eight quarters); the whole tree now
 * takes milliseconds.
 */
export async function meetingFlags(
  { db, actor }: { db: Db; actor: Actor },
  input: { unitId: number; from: string; to: string; subtree?: boolean },
) {
  const unit = await assertUnitInScope(db, actor, input.unitId, "read");
  const rows = await queryRows<Row>(db, meetingFlagsSql(actor, unit, input));
  return rows.map((row): MeetingFlag => {
    // Numbers built by round(numeric) arrive as numbers in jsonb; the drivers differ only on raw columns.
    const evidence = typeof row.evidence === "string" ? (JSON.parse(row.evidence) as Record<string, unknown>) : row.evidence;
    return {
      ...row,
      unitId: Number(row.unitId),
      meetingId: row.meetingId === null ? null : Number(row.meetingId),
      // A match the caller may not read names no unit, meeting id or date of it.
      evidence:
        evidence.otherReadable === true
          ? evidence
          : row.kind === "copied_minutes"
            ? outOfReachMatchEvidence(evidence.similarity)
            : row.kind === "copied_duty_report"
              ? outOfReachDutyReportEvidence(evidence.similarity, evidence.year)
              : evidence,
    };
  });
}

/** The flags query of `meetingFlags` for a unit already checked to be in scope (the to-do counts over it). */
export function meetingFlagsSql(actor: Actor, unit: Pick<Unit, "id" | "path">, input: { from: string; to: string; subtree?: boolean }) {
  const inScope = readableFromSql(actor, unit, "u", input.subtree === false);
  // Whether the caller may open the other meeting of a copied pair (the page links to it).
  const otherReadable = reachSql(actor, "read", "ou");
  const dutyInScope = readableFromSql(actor, unit, "du", input.subtree === false);
  const criticism = sql.join(
    criticismTypes.map((t) => sql`${t}`),
    sql`, `,
  );
  const r = flagRules;

  const query = sql`with m as (
      select m.id, m.unit_id, u.name as unit_name, m.quarter, m.type, m.date, m.expected, m.present,
             m.critical_opinions, m.copied_from_id, m.copied_similarity
      from meetings m join units u on u.id = m.unit_id
      where ${inScope} and m.quarter >= ${input.from} and m.quarter <= ${input.to}
    )
    select unit_id as "unitId", unit_name as "unitName", quarter, id as "meetingId", type as "meetingType",
           date::text as date, 'zero_criticism' as kind,
           jsonb_build_object('type', type, 'date', date::text, 'count', critical_opinions) as evidence
      from m where type in (${criticism}) and critical_opinions = 0
    union all
    select unit_id, unit_name, quarter, id, type, date::text, 'low_attendance',
           jsonb_build_object('present', present, 'expected', expected,
                              'ratio', round(present::numeric / expected, 2))
      from m where present * ${r.lowAttendance[1]}::int < expected * ${r.lowAttendance[0]}::int
    union all
    select m.unit_id, m.unit_name, m.quarter, m.id, m.type, m.date::text, 'copied_minutes',
           jsonb_build_object('otherMeetingId', o.id, 'otherUnitId', o.unit_id, 'otherUnitName', ou.name,
                              'otherDate', o.date::text, 'otherQuarter', o.quarter, 'otherReadable', (${otherReadable}),
                              'sameUnit', o.unit_id = m.unit_id, 'similarity', round(m.copied_similarity::numeric, 2))
      from m join meetings o on o.id = m.copied_from_id join units ou on ou.id = o.unit_id
    union all
    select unit_id, min(unit_name), quarter, null, null, null, 'quarter_end_bunching',
           jsonb_build_object('count', count(*), 'firstDate', min(date)::text, 'lastDate', max(date)::text)
      from m group by unit_id, quarter
     having count(*) >= ${r.bunchingMinMeetings}
        and min(date) >= (date_trunc('quarter', min(date)::timestamp) + interval '3 months')::date - ${r.bunchingLastDays}::int
    union all
    select d.unit_id, du.name, d.year || 'Q4', null, null, null, 'copied_duty_report',
           jsonb_build_object('dutyReportId', d.id, 'year', d.year, 'otherDutyReportId', o.id, 'otherUnitId', o.unit_id,
                              'otherUnitName', ou.name, 'otherYear', o.year, 'otherReadable', (${otherReadable}),
                              'sameUnit', o.unit_id = d.unit_id, 'similarity', round(d.copied_similarity::numeric, 2))
      from duty_reports d join units du on du.id = d.unit_id
      join duty_reports o on o.id = d.copied_from_id join units ou on ou.id = o.unit_id
     where ${dutyInScope} and d.year || 'Q4' >= ${input.from} and d.year || 'Q4' <= ${input.to}
    order by 3, 2, 6 nulls last, 4`;
  return query;
}
