import "server-only";
import { createHash } from "node:crypto";
import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Db, type Tx } from "~/db/client";
import type { AssessmentCycle } from "~/db/schema";
import { scoreUnit, type GradeBreakdown, type GradeResult } from "~/lib/assessment/grade";
import { quotaRankSql } from "~/lib/assessment/quota-sql";
import type { Grade } from "~/lib/codes";
import { parseQuarter } from "~/lib/quarter";
import { dutyReportsDue } from "~/lib/assessment/cycle-status";
import { todayInChina } from "~/lib/beijing-day";
import { gradedUnitSql, loadGradeInputs, quartersEnded } from "./grade-inputs";

/**
 * The stored annual scores (`assessment_scores`, one row per unit and year of an open or rating
 * cycle): `scoreUnit`'s output kept between reads, so that the live grades of a rating year rank
 * 10,000 stored scores instead of scoring 10,000 units on every read.
 *
 * Freshness without recomputing in the writers: every write of a grade input calls
 * `staleAnnualScores` in its own transaction, which bumps the `gen` of the units' rows (inserting
 * a marker row where none exists). A reader recomputes the rows that are missing or stale
 * (`computed_gen <> gen`, other rules, another number of ended quarters): it first
 * takes each row's `gen` (creating markers), THEN reads the inputs, and writes the result back
 * only where `gen` is still the one it took — a write committed meanwhile leaves the row stale
 * for the next read instead of being overwritten. Readers never wait on one another for long and
 * writers never recompute, so neither deadlocks on the whole-cohort ranking.
 */

/** The years a write touches: one year, the years from one on (a catalogue change), or every year. */
export type ScoreYears = number | { from: number } | "all";

/** The year of a quarter code ("2026Q1") or of a date ("2026-03-01"). */
export const yearOf = (quarterOrDate: string): number => parseQuarter(quarterOrDate)?.year ?? Number(quarterOrDate.slice(0, 4));

/**
 * Marks the stored annual scores of `unitIds` (or every unit) in `years` stale — call it in the
 * transaction that writes one of their grade inputs (approved quarterly reports, secretary
 * inspections, decided cases, ballots, duty reports, the graded set). Only years whose cycle is
 * open or rating have stored scores; a final year is read-only. One statement, rows in key order.
 */
export async function staleAnnualScores(tx: Db | Tx, years: ScoreYears, unitIds: readonly number[] | "all"): Promise<void> {
  if (unitIds !== "all" && unitIds.length === 0) return;
  const yearCond = years === "all" ? sql`true` : typeof years === "number" ? sql`c.year = ${years}` : sql`c.year >= ${years.from}`;
  const unitCond =
    unitIds === "all"
      ? sql`true`
      : sql`u.id in (${sql.join(
          [...new Set(unitIds)].map((id) => sql`${id}`),
          sql`, `,
        )})`;
  await tx.execute(sql`insert into assessment_scores (year, unit_id, gen)
    select c.year, u.id, 1 from assessment_cycles c cross join units u
     where c.status in ('open', 'rating') and ${yearCond} and ${unitCond}
     order by c.year, u.id
    on conflict (year, unit_id) do update set gen = assessment_scores.gen + 1`);
}

/**
 * A digest of what a stored score was computed under besides its inputs: the cycle's rules and
 * whether missing duty reports count yet (dutyReportsDue — the deadline passing or the year
 * leaving its open stage changes scores without any write). A row computed under another key is
 * stale. Keyed on these, not the cycle's version, so that a stage move or an adopted party
 * weight that changes neither does not recompute every unit.
 */
export const rulesKey = (cycle: Pick<AssessmentCycle, "status" | "rules">, now: Date): string =>
  createHash("sha1")
    .update(JSON.stringify({ rules: cycle.rules, dutyReportsDue: dutyReportsDue(cycle, todayInChina(now)) }))
    .digest("base64url");

/** One unit's live grade: its stored score, `scoreUnit`'s breakdown, and where the quotas put it. */
export type LiveGrade = { unitId: number; score: number; grade: Grade; breakdown: GradeBreakdown };

export type LiveGrades = {
  /** The graded units `units` selected. */
  rows: LiveGrade[];
  /** How many graded units the cycle has (the quotas' n). */
  graded: number;
  /** Department-wide: how many end with each grade (the final grade where set, else the computed one). */
  department: Record<Grade, number>;
};

const idsSql = (ids: readonly number[]): SQL => sql`(select value::int from jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))`;

/**
 * The live grades of an open or rating cycle, from the stored scores: one query finds the graded
 * units whose row is missing or stale (none, usually), which are recomputed and stored; alongside,
 * the quotas rank every stored score in SQL (`quotaRankSql`, the twin of `applyQuotas`), returning
 * only the rows of the units `units` selects (alias `u`) and the department's counts. Equal to
 * `computeCycleGrades` (tests/integration/assessment-grade-store.test.ts).
 */
export async function liveCycleGrades(
  db: Db | Tx,
  cycle: Pick<AssessmentCycle, "year" | "status" | "rules">,
  units: SQL,
  now = new Date(),
): Promise<LiveGrades> {
  const { year } = cycle;
  const due = quartersEnded(year, now);
  const ranked = quotaRankSql(
    sql`select s.unit_id, s.score, s.base_grade from units u join assessment_scores s on s.year = ${year} and s.unit_id = u.id
         where ${gradedUnitSql} and s.score is not null`,
    cycle.rules,
  );
  const staleUnits = () =>
    queryRows<{ unitId: number }>(
      db,
      sql`select u.id as "unitId" from units u left join assessment_scores s on s.year = ${year} and s.unit_id = u.id
         where ${gradedUnitSql}
           and not coalesce(s.computed_gen = s.gen and s.rules_key = ${rulesKey(cycle, now)} and s.quarters_due = ${due}, false)`,
    );
  const rankedRows = () =>
    Promise.all([
      queryRows<{
        unitId: number;
        score: number;
        base: Grade;
        grade: Grade;
        rank: number;
        n: number;
        allowedGood: number;
        allowedFairlyGood: number | null;
        breakdown: GradeBreakdown;
      }>(
        db,
        sql`select q.unit_id as "unitId", q.score, q.base_grade as base, q.grade, q.rank, q.n,
                 q.allowed_good as "allowedGood", q.allowed_fairly_good as "allowedFairlyGood", s.breakdown
            from (${ranked}) q join units u on u.id = q.unit_id join assessment_score_breakdowns s on s.year = ${year} and s.unit_id = q.unit_id
           where ${units}`,
      ),
      queryRows<{ grade: Grade; n: number }>(
        db,
        sql`select coalesce(g.final, q.grade) as grade, count(*)::int as n
            from (${ranked}) q left join assessment_grades g on g.year = ${year} and g.unit_id = q.unit_id group by 1`,
      ),
    ]);
  // Optimistic: the freshness check and the ranking at once; in the rare read that finds stale
  // rows, they are recomputed and the ranking is read again.
  const [stale, first] = await Promise.all([staleUnits(), rankedRows()]);
  let [rows, counts] = first;
  if (stale.length) {
    await recompute(
      db,
      cycle,
      stale.map((r) => Number(r.unitId)),
      now,
      due,
    );
    [rows, counts] = await rankedRows();
  }
  const department: Record<Grade, number> = { good: 0, fairly_good: 0, average: 0, poor: 0 };
  for (const c of counts) department[c.grade] = Number(c.n);
  return {
    rows: rows.map((r) => ({
      unitId: Number(r.unitId),
      score: Number(r.score),
      grade: r.grade,
      breakdown: {
        ...r.breakdown,
        quota: {
          rank: Number(r.rank),
          of: Number(r.n),
          allowedGood: Number(r.allowedGood),
          allowedFairlyGood: r.allowedFairlyGood === null ? null : Number(r.allowedFairlyGood),
          movedDown: r.grade !== r.base,
        },
      },
    })),
    graded: Object.values(department).reduce((a, b) => a + b, 0),
    department,
  };
}

/**
 * Recomputes the stored scores of `ids` (all of them at once after a rules change): takes their rows'
 * generations first (creating the missing rows), then reads their inputs and scores them, and
 * writes back the rows whose generation did not move meanwhile.
 */
async function recompute(
  db: Db | Tx,
  cycle: Pick<AssessmentCycle, "year" | "status" | "rules">,
  ids: number[],
  now: Date,
  due: number,
): Promise<void> {
  const { year } = cycle;
  ids.sort((a, b) => a - b);
  const gens = await queryRows<{ unitId: number; gen: number }>(
    db,
    sql`insert into assessment_scores (year, unit_id)
        select ${year}, id from ${idsSql(ids)} as t(id) order by id
        on conflict (year, unit_id) do update set gen = assessment_scores.gen
        returning unit_id as "unitId", gen`,
  );
  const genOf = new Map(gens.map((g) => [Number(g.unitId), Number(g.gen)]));
  // Past a few thousand units the whole cycle's set-based read is cheaper than the id list.
  const inputs = await loadGradeInputs(db, cycle, ids.length > 2000 ? sql`true` : sql`u.id in ${idsSql(ids)}`, now);
  const results = new Map<number, GradeResult>();
  for (const i of inputs) if (genOf.has(i.unitId)) results.set(i.unitId, scoreUnit(i, cycle.rules));
  const rows = [...results.values()].map((r) => ({
    unit_id: r.unitId,
    score: r.score,
    base_grade: r.computed,
    breakdown: r.breakdown,
    gen: genOf.get(r.unitId)!,
  }));
  if (rows.length) {
    // The score and its breakdown in one statement; both only where the generation did not move.
    await db.execute(sql`with src as (
        select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(unit_id int, score float8, base_grade text, breakdown jsonb, gen int)
      ), kept as (
        insert into assessment_scores (year, unit_id, score, base_grade, quarters_due, rules_key, gen, computed_gen, computed_at)
        select ${year}, r.unit_id, r.score, r.base_grade, ${due}, ${rulesKey(cycle, now)}, r.gen, r.gen, now() from src r order by r.unit_id
        on conflict (year, unit_id) do update set
          score = excluded.score, base_grade = excluded.base_grade,
          quarters_due = excluded.quarters_due, rules_key = excluded.rules_key,
          computed_gen = excluded.computed_gen, computed_at = excluded.computed_at
        where assessment_scores.gen = excluded.computed_gen
        returning unit_id
      )
      insert into assessment_score_breakdowns (year, unit_id, breakdown)
      select ${year}, r.unit_id, r.breakdown from src r join kept k on k.unit_id = r.unit_id order by r.unit_id
      on conflict (year, unit_id) do update set breakdown = excluded.breakdown`);
  }
}
