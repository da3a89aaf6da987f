import { sql, type SQL } from "drizzle-orm";

/** Which report statuses a dashboard counts. */
export const reportInclusions = {
  all: ["draft", "returned", "submitted", "approved"],
  submitted: ["submitted", "approved"],
  approved: ["approved"],
} as const;
export type ReportInclusion = keyof typeof reportInclusions;

/**
 * CTEs `unit_cat` (unit × quarter × category score) and `unit_comp` (unit × quarter composite)
 * for every unit under `rootPath`: the scoring rules of DESIGN.md in SQL, through the
 * `indicator_score` function. Callers append their own SELECT.
 */
export function unitScoresCte(opts: { rootPath: string; from: string; to: string; include: ReportInclusion }): SQL {
  const statuses = sql.join(
    reportInclusions[opts.include].map((s) => sql`${s}`),
    sql`, `,
  );
  return sql`
    with unit_cat as (
      select r.unit_id, r.quarter, i.category_code,
             sum(i.weight * indicator_score(i.kind, i.direction, i.target, v.value)) / nullif(sum(i.weight), 0) as score
      from units u
      join reports r on r.unit_id = u.id
      join report_values v on v.report_id = r.id
      join indicators i on i.code = v.indicator_code
      where u.path like ${`${opts.rootPath}%`}
        and r.quarter between ${opts.from} and ${opts.to}
        and r.status in (${statuses})
        and i.weight > 0
      group by r.unit_id, r.quarter, i.category_code
    ),
    unit_comp as (
      select uc.unit_id, uc.quarter, sum(c.weight * uc.score) / nullif(sum(c.weight), 0) as composite
      from unit_cat uc
      join categories c on c.code = uc.category_code
      where c.weight > 0
      group by uc.unit_id, uc.quarter
    )`;
}
