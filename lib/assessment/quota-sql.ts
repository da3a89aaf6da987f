import { sql, type SQL } from "drizzle-orm";
import type { CycleRules } from "./rules";

/**
 * The SQL twin of `applyQuotas` (lib/assessment/grade.ts), tested equal to it
 * (tests/integration/assessment-quota-sql.test.ts): over `cohort` — a query yielding
 * `(unit_id, score, base_grade)` for every graded unit of the cycle — ranked by score, then unit
 * id, the k-th unit whose base grade is 好 keeps it while k ≤ floor(q好 × n), else becomes 较好;
 * then the k-th 较好 (its own or moved down) keeps it while k ≤ floor(q较好 × n) when that quota
 * is set, else becomes 一般. Yields `unit_id, score, base_grade, rank, n, allowed_good,
 * allowed_fairly_good, grade` (window functions: one sort of the cohort, whatever its size).
 */
export function quotaRankSql(cohort: SQL, rules: Pick<CycleRules, "quotas">): SQL {
  const good = rules.quotas.good;
  const fairly = rules.quotas.fairlyGood ?? null;
  // quotaCount(fraction, n) = floor(fraction × n + 1e-9), in double precision as in JavaScript.
  const allowed = (fraction: number) => sql`floor(${fraction}::float8 * count(*) over () + 1e-9)::int`;
  const w = sql.raw("over (order by score desc, unit_id rows between unbounded preceding and current row)");
  return sql`select p.unit_id, p.score, p.base_grade, p.rank, p.n, p.allowed_good, p.allowed_fairly_good,
      case when p.g1 = 'fairly_good' and p.allowed_fairly_good is not null
                and count(*) filter (where p.g1 = 'fairly_good') ${w} > p.allowed_fairly_good
           then 'average' else p.g1 end as grade
    from (select r.*,
                 case when r.base_grade = 'good' and r.good_n > r.allowed_good then 'fairly_good' else r.base_grade end as g1
            from (select c.unit_id, c.score, c.base_grade,
                         row_number() over (order by c.score desc, c.unit_id)::int as rank,
                         count(*) over ()::int as n,
                         ${allowed(good)} as allowed_good,
                         ${fairly === null ? sql`null::int` : allowed(fairly)} as allowed_fairly_good,
                         count(*) filter (where c.base_grade = 'good') ${w} as good_n
                    from (${cohort}) c) r) p`;
}
