import "server-only";
import { createHash } from "node:crypto";
import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Db, type Tx } from "~/db/client";
import type { AssessmentCycle } from "~/db/schema";
import { quotaCount, scoreUnit, type GradeBreakdown, type GradeResult } from "~/lib/assessment/grade";
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
 *
 * The quota ranking of the year's stored scores is kept too (`assessment_score_ranks`, with one
 * `assessment_rankings` row a year saying which version of the scores it ranked), so that the
 * steady read — nothing written since the last one — ranks nothing: it checks that the ranking is
 * current and reads the subtree's rows. Only readers write the ranking, one at a time per year.
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

/** The stored ranking's key: the rules digest and the quarters ended it was ranked under. */
const rankingKey = (cycle: Pick<AssessmentCycle, "status" | "rules">, now: Date, due: number) => `${rulesKey(cycle, now)}:${due}`;

/** Serialises the re-ranking of one year (a transaction-level advisory lock). */
const rankLock = (year: number) => sql`select pg_advisory_xact_lock(hashtext('assessment_score_ranks'), ${year})`;

/**
 * Whether the year's stored ranking is current — it ranked the stored scores as they are (its
 * version), under these rules and quarters, over as many units as are graded, and no stored score
 * of the year is stale (the partial index `assessment_scores_stale_idx`: every writer of a grade
 * input makes its units' rows stale, unit (de)activation included) — with how many units it
 * ranked, how many it put in each grade, and the final grades set apart from the computed ones.
 */
const rankingState = (db: Db | Tx, year: number, key: string) =>
  queryRows<{ current: boolean; ranked: number; counts: Partial<Record<Grade, number>> | null; moves: { from: Grade; to: Grade }[] }>(
    db,
    sql`select r.scores_version = r.ranked_version and r.rules_key = ${key}
               and r.ranked = (select count(*) from units u where ${gradedUnitSql})
               and not exists (select 1 from assessment_scores s where s.year = ${year} and (s.computed_gen is null or s.computed_gen <> s.gen))
               as current,
               r.ranked, r.counts,
               (select coalesce(jsonb_agg(jsonb_build_object('from', k.grade, 'to', g.final)), '[]'::jsonb)
                  from assessment_grades g join assessment_score_ranks k on k.year = g.year and k.unit_id = g.unit_id
                 where g.year = ${year} and g.final is not null and g.final <> k.grade) as moves
          from assessment_rankings r where r.year = ${year}`,
  ).then(([r]) => ({ current: r?.current === true, ranked: Number(r?.ranked ?? 0), counts: r?.counts ?? {}, moves: r?.moves ?? [] }));

/**
 * The live grades of an open or rating cycle, from the stored scores and their stored quota
 * ranking: the steady read checks that the ranking is current and reads the rows of the units
 * `units` selects (alias `u`) and the department's counts, all at once. When the check fails (a
 * grade input was written, the rules or the quarters ended changed, a unit joined or left the
 * graded set) the stale scores are recomputed, the year is re-ranked (`quotaRankSql`, the twin of
 * `applyQuotas`) and the rows read again. Equal to `computeCycleGrades`
 * (tests/integration/assessment-grade-store.test.ts).
 */
export async function liveCycleGrades(
  db: Db | Tx,
  cycle: Pick<AssessmentCycle, "year" | "status" | "rules">,
  units: SQL,
  now = new Date(),
): Promise<LiveGrades> {
  const { year } = cycle;
  const due = quartersEnded(year, now);
  const key = rankingKey(cycle, now, due);
  const read = () =>
    Promise.all([
      queryRows<{ unitId: number; score: number; base: Grade; grade: Grade; rank: number; breakdown: GradeBreakdown }>(
        db,
        sql`select s.unit_id as "unitId", s.score, s.base_grade as base, r.grade, r.rank, b.breakdown
              from units u
              join assessment_score_ranks r on r.year = ${year} and r.unit_id = u.id
              join assessment_scores s on s.year = ${year} and s.unit_id = u.id
              join assessment_score_breakdowns b on b.year = ${year} and b.unit_id = u.id
             where ${units}`,
      ),
      rankingState(db, year, key),
    ]);
  // Optimistic: the check and the reads at once; in the rare read that finds the ranking behind,
  // the scores are brought up to date, the year re-ranked and the reads done again.
  let [rows, state] = await read();
  if (!state.current) {
    await refreshRanking(db, cycle, now, due, key);
    [rows, state] = await read();
  }
  const n = state.ranked;
  const allowedGood = quotaCount(cycle.rules.quotas.good, n);
  const fairly = cycle.rules.quotas.fairlyGood;
  const allowedFairlyGood = fairly == null ? null : quotaCount(fairly, n);
  // Department-wide: the ranking's grades, with the final grades set by the level above in their place.
  const department: Record<Grade, number> = { good: 0, fairly_good: 0, average: 0, poor: 0, ...state.counts };
  for (const m of state.moves) {
    department[m.from]--;
    department[m.to]++;
  }
  return {
    rows: rows.map((r) => ({
      unitId: Number(r.unitId),
      score: Number(r.score),
      grade: r.grade,
      breakdown: {
        ...r.breakdown,
        quota: { rank: Number(r.rank), of: n, allowedGood, allowedFairlyGood, movedDown: r.grade !== r.base },
      },
    })),
    graded: Object.values(department).reduce((a, b) => a + b, 0),
    department,
  };
}

/**
 * Brings the year's stored scores and ranking up to date: recomputes the graded units whose row is
 * missing or stale, drops the stale rows of units no longer graded, then — one reader at a time
 * per year, and only if no other reader did it meanwhile — ranks the stored scores again and
 * records which version of them it ranked.
 */
async function refreshRanking(
  db: Db | Tx,
  cycle: Pick<AssessmentCycle, "year" | "status" | "rules">,
  now: Date,
  due: number,
  key: string,
): Promise<void> {
  const { year } = cycle;
  const stale = await queryRows<{ unitId: number }>(
    db,
    sql`select u.id as "unitId" from units u left join assessment_scores s on s.year = ${year} and s.unit_id = u.id
         where ${gradedUnitSql}
           and not coalesce(s.computed_gen = s.gen and s.rules_key = ${rulesKey(cycle, now)} and s.quarters_due = ${due}, false)`,
  );
  if (stale.length)
    await recompute(
      db,
      cycle,
      stale.map((r) => Number(r.unitId)),
      now,
      due,
    );
  // A unit that left the graded set (deactivated: its row made stale) has no score to keep.
  await db.execute(sql`with gone as (
      delete from assessment_scores s
       where s.year = ${year} and (s.computed_gen is null or s.computed_gen <> s.gen)
         and not exists (select 1 from units u where u.id = s.unit_id and ${gradedUnitSql})
      returning s.unit_id)
    delete from assessment_score_breakdowns b using gone where b.year = ${year} and b.unit_id = gone.unit_id`);
  const ranked = quotaRankSql(
    sql`select s.unit_id, s.score, s.base_grade from units u join assessment_scores s on s.year = ${year} and s.unit_id = u.id
         where ${gradedUnitSql} and s.score is not null`,
    cycle.rules,
  );
  await db.transaction(async (tx) => {
    await tx.execute(rankLock(year));
    if ((await rankingState(tx, year, key)).current) return;
    // One statement, one snapshot: the ranks and the version of the scores they rank agree.
    const [written] = await queryRows<{ changed: number }>(
      tx,
      sql`with ranked as materialized (${ranked}),
      gone as (
        delete from assessment_score_ranks r
         where r.year = ${year} and not exists (select 1 from ranked q where q.unit_id = r.unit_id)
        returning 1),
      put as (
        insert into assessment_score_ranks (year, unit_id, rank, grade)
        select ${year}, q.unit_id, q.rank, q.grade from ranked q order by q.unit_id
        on conflict (year, unit_id) do update set rank = excluded.rank, grade = excluded.grade
         where (assessment_score_ranks.rank, assessment_score_ranks.grade) is distinct from (excluded.rank, excluded.grade)
        returning 1),
      version as (select coalesce(max(scores_version), 0) as v from assessment_rankings where year = ${year})
      insert into assessment_rankings (year, scores_version, ranked_version, rules_key, ranked, counts, ranked_at)
      select ${year}, v.v, v.v, ${key}, (select count(*) from ranked),
             (select coalesce(jsonb_object_agg(grade, n), '{}'::jsonb) from (select grade, count(*) as n from ranked group by grade) c), now()
        from version v
      on conflict (year) do update set ranked_version = excluded.ranked_version, rules_key = excluded.rules_key,
        ranked = excluded.ranked, counts = excluded.counts, ranked_at = excluded.ranked_at
      returning (select count(*) from put)::int as changed`,
    );
    // A first ranking (or a rules change) rewrites thousands of rows: the planner gets their statistics now,
    // not at autovacuum's next round, so the steady read's joins are planned on them at once.
    if (Number(written?.changed ?? 0) > 1000) await tx.execute(sql`analyze assessment_score_ranks`);
  });
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
    // The score and its breakdown in one statement; both only where the generation did not move. Then,
    // in the same transaction and last (every writer of the year's row takes it last), the version
    // of the year's scores moves on, so the stored ranking is known to be behind.
    await db.transaction(async (tx) => {
      await tx.execute(sql`with src as (
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
      await tx.execute(sql`insert into assessment_rankings (year, scores_version) values (${year}, 1)
        on conflict (year) do update set scores_version = assessment_rankings.scores_version + 1`);
    });
  }
}
