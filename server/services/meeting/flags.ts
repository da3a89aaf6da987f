import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Db } from "~/db/client";
import { flagKinds, type FlagKind, type MeetingType } from "~/lib/codes";
import type { Unit } from "~/db/schema";
import { assertUnitInScope, reachSql, readableFromSql, readsOnlyOwnUnit, type Actor } from "~/server/scope";
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
  return rows.map(toFlag);
}

/** A row of the flags query as the API answers it. */
export function toFlag(row: Row): MeetingFlag {
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
}

export type FlagCounts = { total: number; kinds: Partial<Record<FlagKind, number>> };

/**
 * How many flags of each kind `meetingFlags` would list (kinds with none left out), for a unit
 * already checked readable. When the caller reads the unit's whole subtree (not staff, who read
 * their own unit only, nor `subtree: false`) — `readableFromSql` filters nothing else, inactive
 * units included — the counts are one indexed read of the rollup `subtree_flag_counts`, which
 * the writers keep exact from the same rules (`unitFlagCountsSql`); otherwise they are counted
 * live from the list's own rows (`liveFlagCounts`).
 */
export async function meetingFlagCounts(db: Db, actor: Actor, unit: Pick<Unit, "id" | "path">, input: FlagRange): Promise<FlagCounts> {
  if (!flagRollupServes(actor, input)) return liveFlagCounts(db, actor, unit, input);
  return tally(
    await queryRows<{ kind: FlagKind; n: number | string }>(
      db,
      sql`select kind, sum(flags) as n from subtree_flag_counts
           where root_unit_id = ${unit.id} and quarter >= ${input.from} and quarter <= ${input.to}
           group by kind having sum(flags) > 0`,
    ),
  );
}

/**
 * Whether the rollup `subtree_flag_counts` of the unit asked for holds exactly the flags the
 * caller lists from it: when the caller reads the unit's whole subtree — not staff, who read their
 * own unit only, nor `subtree: false` — since `readableFromSql` then filters nothing but the
 * subtree (inactive units included). The one home of that condition: the counts
 * (`meetingFlagCounts`) and the page (`meetingFlagsPage`, ./flags-page.ts) read the rollup only then.
 */
export function flagRollupServes(actor: Actor, input: Pick<FlagRange, "subtree">): boolean {
  return !readsOnlyOwnUnit(actor) && input.subtree !== false;
}

/** The counts of `meetingFlagCounts` counted from the flags' rows themselves (the list's query). */
export async function liveFlagCounts(db: Db, actor: Actor, unit: Pick<Unit, "id" | "path">, input: FlagRange): Promise<FlagCounts> {
  return tally(
    await queryRows<{ kind: FlagKind; n: number | string }>(
      db,
      sql`select kind, count(*) as n from (${flagRowsSql(actor, unit, input)}) c group by kind`,
    ),
  );
}

function tally(rows: readonly { kind: FlagKind; n: number | string }[]): FlagCounts {
  const kinds: Partial<Record<FlagKind, number>> = {};
  for (const r of rows) kinds[r.kind] = Number(r.n);
  return { total: Object.values(kinds).reduce((a, b) => a + b, 0), kinds };
}

/**
 * The flags in the order of the paged list — newest quarter first, then unit (name, id), then
 * the meeting's date, meeting, kind: a total order, so pages by offset neither repeat nor skip
 * a flag while nothing is written — `limit` of them from `offset`, of `kinds` only, each with
 * `total`, how many there are in all (one pass: counted before the page is cut; `withTotal:
 * false` leaves it out, as 0). `only`: the flags of these units in these quarters alone (each
 * unit's flags of each quarter are contiguous in the order, so a window of pairs that follow
 * each other in it is cut by an offset from the first pair).
 */
export function meetingFlagsPageSql(
  actor: Actor,
  unit: Pick<Unit, "id" | "path">,
  input: FlagRange & {
    kinds: readonly FlagKind[];
    offset: number;
    limit: number;
    only?: readonly { unitId: number; quarter: string }[];
    withTotal?: boolean;
  },
) {
  const only = input.only;
  const rows = flagRowsSql(actor, unit, input, input.kinds, only && [...new Set(only.map((p) => p.unitId))]);
  const pairs = only
    ? sql`where ("unitId", quarter) in (${sql.join(
        only.map((p) => sql`(${p.unitId}::int, ${p.quarter}::text)`),
        sql`, `,
      )})`
    : sql``;
  const total = input.withTotal === false ? sql`0` : sql`count(*) over ()`;
  return sql`select f.*, ${total} as "total" from (${rows}) f ${pairs}
    order by quarter desc, "unitName", "unitId", date nulls last, "meetingId" nulls last, kind
    limit ${input.limit} offset ${input.offset}`;
}

export type FlagRow = Row;
export type FlagPageRow = Row & { total: number | string };

/** The flags query of `meetingFlags` for a unit already checked to be in scope (the to-do counts over it). */
export function meetingFlagsSql(actor: Actor, unit: Pick<Unit, "id" | "path">, input: FlagRange) {
  return sql`${flagRowsSql(actor, unit, input)} order by 3, 2, 6 nulls last, 4`;
}

export type FlagRange = { from: string; to: string; subtree?: boolean };

/** A rule's constant written into the SQL as a literal, so that the partial indexes of migration 0027 match the query. */
const lit = (n: number) => sql.raw(String(Math.trunc(n)));

/**
 * A meeting dated within the quarter's last `bunchingLastDays` days (`col`: its date) — the
 * expression of `meetings_flag_late_idx` (migration 0027), so the planner can use that index.
 */
const lateSql = (col: SQL) =>
  sql`${col} >= (date_trunc('quarter', ${col}::timestamp) + interval '3 months')::date - ${lit(flagRules.bunchingLastDays)}`;

/** Which units' flags a query takes (a condition on `u`, the flag's unit) and whether the caller may open a copied pair's other side (on `ou`). */
type FlagScope = { units: SQL; otherReadable: SQL };

/**
 * The flags as rows (no order): one branch per kind, each read from its own partial index of
 * meetings (migration 0027: the meetings that can raise that flag, by unit and quarter), so the
 * whole tree costs what its flags cost, not what its meetings cost. `kinds`: only those branches;
 * `onlyUnits`: only these units (of those the caller reads).
 */
function flagRowsSql(
  actor: Actor,
  unit: Pick<Unit, "id" | "path">,
  input: FlagRange,
  kinds: readonly FlagKind[] = flagKinds,
  onlyUnits?: readonly number[],
) {
  const readable = readableFromSql(actor, unit, "u", input.subtree === false);
  const scope = {
    units: onlyUnits
      ? sql`(${readable} and u.id in (${sql.join(onlyUnits.length ? onlyUnits.map((id) => sql`${id}::int`) : [sql`null`], sql`, `)}))`
      : readable,
    // Whether the caller may open the other meeting of a copied pair (the page links to it).
    otherReadable: reachSql(actor, "read", "ou"),
  };
  return flagBranchesSql(scope, (q) => sql`${q} >= ${input.from} and ${q} <= ${input.to}`, kinds);
}

/**
 * How many flags of each kind and quarter each unit matched by `units` (a condition on `u`)
 * raises in `quarters` (null: all) — the same branches as the list, without a caller: the
 * per-unit counts of the rollup `subtree_flag_counts` (server/services/rollup/flag-counts.ts).
 */
export function unitFlagCountsSql(units: SQL, quarters: readonly string[] | null): SQL {
  const inQuarters = (q: SQL) =>
    quarters === null
      ? sql`true`
      : quarters.length === 0
        ? sql`false`
        : sql`${q} in (${sql.join(
            quarters.map((x) => sql`${x}`),
            sql`, `,
          )})`;
  return sql`select "unitId" as unit_id, quarter, kind, count(*)::int as flags
    from (${flagBranchesSql({ units, otherReadable: sql`true` }, inQuarters, flagKinds)}) f group by 1, 2, 3`;
}

/**
 * The rules as SQL, one branch per kind: the flags of the units `scope.units` matches, in the
 * quarters `inRange` accepts (given the flag's quarter: the meeting's, or a duty report's year's Q4).
 */
function flagBranchesSql(scope: FlagScope, inRange: (quarter: SQL) => SQL, kinds: readonly FlagKind[]) {
  const { units: inScope, otherReadable } = scope;
  const criticism = sql.raw(criticismTypes.map((t) => `'${t.replace(/[^a-z_]/g, "")}'`).join(", "));
  const r = flagRules;
  const range = (x: string) => inRange(sql`${sql.identifier(x)}.quarter`);

  const branches: Record<FlagKind, SQL> = {
    zero_criticism: sql`select m.unit_id, u.name, m.quarter, m.id, m.type, m.date::text, 'zero_criticism',
           jsonb_build_object('type', m.type, 'date', m.date::text, 'count', m.critical_opinions)
      from meetings m join units u on u.id = m.unit_id
     where ${range("m")} and ${inScope} and m.type in (${criticism}) and m.critical_opinions = 0`,
    low_attendance: sql`select m.unit_id, u.name, m.quarter, m.id, m.type, m.date::text, 'low_attendance',
           jsonb_build_object('present', m.present, 'expected', m.expected,
                              'ratio', round(m.present::numeric / m.expected, 2))
      from meetings m join units u on u.id = m.unit_id
     where ${range("m")} and ${inScope} and m.present * ${lit(r.lowAttendance[1])} < m.expected * ${lit(r.lowAttendance[0])}`,
    copied_minutes: sql`select m.unit_id, u.name, m.quarter, m.id, m.type, m.date::text, 'copied_minutes',
           jsonb_build_object('otherMeetingId', o.id, 'otherUnitId', o.unit_id, 'otherUnitName', ou.name,
                              'otherDate', o.date::text, 'otherQuarter', o.quarter, 'otherReadable', (${otherReadable}),
                              'sameUnit', o.unit_id = m.unit_id, 'similarity', round(m.copied_similarity::numeric, 2))
      from meetings m join units u on u.id = m.unit_id
      join meetings o on o.id = m.copied_from_id join units ou on ou.id = o.unit_id
     where ${range("m")} and ${inScope} and m.copied_from_id is not null`,
    // All of a quarter's meetings (at least bunchingMinMeetings) in its last days: the late ones
    // counted from their index, then — for those that are enough — no earlier one that quarter
    // (one probe of meetings_unit_date_idx each).
    quarter_end_bunching: sql`select m.unit_id, min(u.name), m.quarter, null::int, null::text, null::text, 'quarter_end_bunching',
           jsonb_build_object('count', count(*), 'firstDate', min(m.date)::text, 'lastDate', max(m.date)::text)
      from meetings m join units u on u.id = m.unit_id
     where ${range("m")} and ${inScope} and ${lateSql(sql`m.date`)}
     group by m.unit_id, m.quarter
    having count(*) >= ${lit(r.bunchingMinMeetings)}
       and not exists (select 1 from meetings e
                        where e.unit_id = m.unit_id and e.date >= date_trunc('quarter', min(m.date)::timestamp)::date
                          and e.date < (date_trunc('quarter', min(m.date)::timestamp) + interval '3 months')::date - ${lit(r.bunchingLastDays)})`,
    copied_duty_report: sql`select d.unit_id, u.name, d.year || 'Q4', null::int, null::text, null::text, 'copied_duty_report',
           jsonb_build_object('dutyReportId', d.id, 'year', d.year, 'otherDutyReportId', o.id, 'otherUnitId', o.unit_id,
                              'otherUnitName', ou.name, 'otherYear', o.year, 'otherReadable', (${otherReadable}),
                              'sameUnit', o.unit_id = d.unit_id, 'similarity', round(d.copied_similarity::numeric, 2))
      from duty_reports d join units u on u.id = d.unit_id
      join duty_reports o on o.id = d.copied_from_id join units ou on ou.id = o.unit_id
     where ${inScope} and ${inRange(sql`d.year || 'Q4'`)}`,
  };
  const chosen = flagKinds.filter((k) => kinds.includes(k));
  const union = sql.join(
    chosen.length ? chosen.map((k) => sql`(${branches[k]})`) : [sql`(${branches.zero_criticism} and false)`],
    sql` union all `,
  );
  return sql`select * from (${union}) as f("unitId", "unitName", quarter, "meetingId", "meetingType", date, kind, evidence)`;
}
