import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { threeMeetingsOneLecture, unitTypes, type MeetingType, type UnitType } from "~/lib/codes";
import { completionRows, MIN_MEMBERS_FOR_COMMITTEE, type FrequencyRules } from "~/server/services/meeting/completion-rules";

/**
 * Pure parts of `dashboard.meetingQuality`: what each kind of unit must hold (from the
 * completion rules, not re-stated here), the histogram buckets, and filling the SQL rows into
 * one row per quarter and type.
 */

/** One line of the expectation table joined in SQL: a kind of unit, a kind of quarter, one type. */
export type Expectation = { unitType: UnitType; large: boolean; q4: boolean; type: MeetingType; expected: number; yearly: boolean };

/**
 * What a unit must hold per quarter, for every unit kind the rules tell apart: its type and
 * whether it has enough members for a 支部委员会 (the only way member count enters the rules),
 * in Q1–Q3 and in Q4 (yearly rules are expected in Q4). Only the four of 三会一课, only > 0.
 */
export function expectationTable(rules: FrequencyRules): Expectation[] {
  const out: Expectation[] = [];
  for (const unitType of unitTypes) {
    for (const large of [false, true]) {
      for (const q4 of [false, true]) {
        const unit = { type: unitType, memberCount: large ? MIN_MEMBERS_FOR_COMMITTEE : 0 };
        for (const row of completionRows(unit, q4 ? "2000Q4" : "2000Q1", rules, [])) {
          if (!threeMeetingsOneLecture.includes(row.type) || row.expected === 0) continue;
          out.push({ unitType, large, q4, type: row.type, expected: row.expected, yearly: row.window === "year" });
        }
      }
    }
  }
  return out;
}

export const BUCKET_COUNT = 10;
/** The histogram bucket (0 … BUCKET_COUNT - 1) of the meeting `m`'s quality score, in SQL. */
export const qualityBucketSql = (m: string): SQL =>
  sql`least(floor(${sql.identifier(m)}.quality_score / 10), ${BUCKET_COUNT - 1}::int)::int`;

/**
 * The expectation table as the SQL `VALUES` list of a CTE `exp(unit_type, large, q4, type,
 * expected, yearly)` (one impossible row when no rule expects anything).
 */
export function expectationValuesSql(table: Expectation[]): SQL {
  if (table.length === 0) return sql`(null::text, null::boolean, null::boolean, null::text, 0, false)`;
  return sql.join(
    table.map(
      (e) => sql`(${e.unitType}::text, ${e.large}::boolean, ${e.q4}::boolean, ${e.type}::text, ${e.expected}::int, ${e.yearly}::boolean)`,
    ),
    sql`, `,
  );
}

/** "0-10", "10-20", … "90-100" (a score of 100 falls into the last). */
export const bucketLabels = Array.from({ length: BUCKET_COUNT }, (_, i) => `${i * 10}-${i * 10 + 10}`);

/** Per-bucket counts from SQL (bucket index → count) as the full, ordered histogram. */
export function fillDistribution(rows: { bucket: number | string; count: number | string }[]) {
  const counts = new Map(rows.map((r) => [Number(r.bucket), Number(r.count)]));
  return bucketLabels.map((bucket, i) => ({ bucket, count: counts.get(i) ?? 0 }));
}

export type CompletionPoint = { quarter: string; type: MeetingType; held: number; required: number; rate: number | null };

/**
 * One row per quarter and 三会一课 type, in order. `met` counts each unit's meetings only up to
 * what it must hold, so a branch holding extra 党小组会 does not make up for another holding
 * none (the rule of `threeOneRate`); the rate is met / required in %, one decimal.
 */
export function fillCompletion(
  quarters: string[],
  rows: { quarter: string; type: string; held: number | string; required: number | string; met: number | string }[],
): CompletionPoint[] {
  const byKey = new Map(rows.map((r) => [`${r.quarter}|${r.type}`, r]));
  return quarters.flatMap((quarter) =>
    threeMeetingsOneLecture.map((type) => {
      const r = byKey.get(`${quarter}|${type}`);
      const required = Number(r?.required ?? 0);
      const met = Number(r?.met ?? 0);
      return {
        quarter,
        type,
        held: Number(r?.held ?? 0),
        required,
        rate: required === 0 ? null : Math.round((met / required) * 1000) / 10,
      };
    }),
  );
}
