import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Db, type Tx } from "~/db/client";
import type { AssessmentCycle } from "~/db/schema";
import { applyQuotas, scoreUnit, type GradeBreakdown, type GradeResult, type QuotaPlace } from "~/lib/assessment/grade";
import type { Grade } from "~/lib/codes";
import { parseQuarter } from "~/lib/quarter";
import { gradedUnitSql, loadGradeInputs, quartersEnded } from "./grade-inputs";

/**
 * The stored annual scores (`assessment_scores`, one row per unit and year of an open or rating
 * cycle): `scoreUnit`'s output kept between reads, so that the live grades of a rating year rank
 * 10,000 stored scores instead of scoring 10,000 units on every read.
 *
 * Freshness without recomputing in the writers: every write of a grade input calls
 * `staleAnnualScores` in its own transaction, which bumps the `gen` of the units' rows (inserting
 * a marker row where none exists). A reader recomputes the rows that are missing or stale
 * (`computed_gen <> gen`, another rules version, another number of ended quarters): it first
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

/** One graded unit's live grade: its stored (or just computed) score and base grade, where the quotas put it, its final grade if set. */
export type LiveGrade = QuotaPlace & { unitId: number; score: number; base: Grade; final: Grade | null };

export type LiveGrades = {
  /** Every graded unit of the cycle. */
  all: Map<number, LiveGrade>;
  /** The breakdowns (quota set) of the units `units` selected. */
  breakdowns: Map<number, GradeBreakdown>;
};

const idsSql = (ids: readonly number[]): SQL => sql`(select value::int from jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))`;

/**
 * The live grades of an open or rating cycle, from the stored scores: one query for every graded
 * unit's score, base grade, final grade and freshness (and, alongside, the breakdowns of the units
 * `units` selects, alias `u`); the missing or stale ones are recomputed and stored; then the quotas
 * (`applyQuotas`) rank them all. Equal to `computeCycleGrades` (tests/integration/assessment-grade-store.test.ts).
 */
export async function liveCycleGrades(
  db: Db | Tx,
  cycle: Pick<AssessmentCycle, "year" | "rules" | "version">,
  units: SQL,
  now = new Date(),
): Promise<LiveGrades> {
  const { year } = cycle;
  const due = quartersEnded(year, now);
  const [status, stored] = await Promise.all([
    queryRows<{ unitId: number; score: number | null; base: Grade | null; final: Grade | null; fresh: boolean }>(
      db,
      sql`select u.id as "unitId", s.score, s.base_grade as base, g.final,
                 coalesce(s.computed_gen = s.gen and s.rules_version = ${cycle.version} and s.quarters_due = ${due}, false) as fresh
            from units u
            left join assessment_scores s on s.year = ${year} and s.unit_id = u.id
            left join assessment_grades g on g.year = ${year} and g.unit_id = u.id
           where ${gradedUnitSql}`,
    ),
    queryRows<{ unitId: number; breakdown: GradeBreakdown | null }>(
      db,
      sql`select u.id as "unitId", s.breakdown from units u join assessment_scores s on s.year = ${year} and s.unit_id = u.id
           where ${gradedUnitSql} and ${units} and s.breakdown is not null`,
    ),
  ]);
  const stale = status.filter((r) => !r.fresh).map((r) => Number(r.unitId));
  const recomputed = stale.length
    ? await recompute(db, cycle, stale, stale.length === status.length, now, due)
    : new Map<number, GradeResult>();
  const scored: { unitId: number; score: number; computed: Grade; final: Grade | null }[] = [];
  for (const r of status) {
    const unitId = Number(r.unitId);
    const fresh = recomputed.get(unitId);
    if (fresh) scored.push({ unitId, score: fresh.score, computed: fresh.computed, final: r.final });
    else if (r.fresh && r.score !== null && r.base !== null)
      scored.push({ unitId, score: Number(r.score), computed: r.base, final: r.final });
    // else: the unit appeared between the two reads (activated meanwhile): graded from the next read on.
  }
  const places = applyQuotas(scored, cycle.rules);
  const all = new Map<number, LiveGrade>(
    scored.map((s) => [s.unitId, { unitId: s.unitId, score: s.score, base: s.computed, final: s.final, ...places.get(s.unitId)! }]),
  );
  const breakdowns = new Map<number, GradeBreakdown>();
  for (const r of stored) {
    const unitId = Number(r.unitId);
    const place = places.get(unitId);
    if (place && r.breakdown && !recomputed.has(unitId)) breakdowns.set(unitId, { ...r.breakdown, quota: place.quota });
  }
  for (const [unitId, r] of recomputed) {
    const place = places.get(unitId);
    // Only the selected units: `stored` said which of them had a row; a recomputed one may have had none.
    if (place) breakdowns.set(unitId, { ...r.breakdown, quota: place.quota });
  }
  return { all, breakdowns };
}

/**
 * Recomputes the stored scores of `ids` (every graded unit when `everyUnit`): takes their rows'
 * generations first (creating the missing rows), then reads their inputs and scores them, and
 * writes back the rows whose generation did not move meanwhile. Returns the fresh results (no quota).
 */
async function recompute(
  db: Db | Tx,
  cycle: Pick<AssessmentCycle, "year" | "rules" | "version">,
  ids: number[],
  everyUnit: boolean,
  now: Date,
  due: number,
): Promise<Map<number, GradeResult>> {
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
  const inputs = await loadGradeInputs(db, year, everyUnit ? sql`true` : sql`u.id in ${idsSql(ids)}`, now);
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
    await db.execute(sql`insert into assessment_scores
        (year, unit_id, score, base_grade, breakdown, quarters_due, rules_version, gen, computed_gen, computed_at)
      select ${year}, r.unit_id, r.score, r.base_grade, r.breakdown, ${due}, ${cycle.version}, r.gen, r.gen, now()
        from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(unit_id int, score float8, base_grade text, breakdown jsonb, gen int)
       order by r.unit_id
      on conflict (year, unit_id) do update set
        score = excluded.score, base_grade = excluded.base_grade, breakdown = excluded.breakdown,
        quarters_due = excluded.quarters_due, rules_version = excluded.rules_version,
        computed_gen = excluded.computed_gen, computed_at = excluded.computed_at
      where assessment_scores.gen = excluded.computed_gen`);
  }
  return results;
}
