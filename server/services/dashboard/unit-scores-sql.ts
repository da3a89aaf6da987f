import { sql, type SQL } from "drizzle-orm";
import { inSubtreeSql } from "~/server/scope";

/**
 * Which report statuses a dashboard counts: approved only (the default), or submitted ones too
 * (报送未审核, shown with a label). Drafts never count.
 */
export const reportInclusions = {
  approved: ["approved"],
  submitted: ["submitted", "approved"],
} as const;
export type ReportInclusion = keyof typeof reportInclusions;

/** Statuses whose scores are kept in the analytics tables (the widest inclusion). */
export const countedStatuses = reportInclusions.submitted;

/**
 * CTEs `unit_cat` (unit × quarter × category score, with the report's status) and `unit_comp`
 * (unit × quarter composite) for the reports matched by `reportFilter` (a condition on `r`,
 * the reports, and `u`, their units): the scoring rules of DESIGN.md in SQL, through the
 * `indicator_score` function, with the indicator versions and category weights in force in
 * each report's quarter. Both the analytics facts (`unit_scores`) and the naive live
 * dashboards are built on this one definition. Callers append their own SELECT.
 */
export function scoringCtes(reportFilter: SQL): SQL {
  return sql`
    with iv as (
      select indicator_code, valid_from, direction, target, weight,
             lead(valid_from) over (partition by indicator_code order by valid_from) as valid_to
      from indicator_versions
    ),
    cw as (
      select category_code, valid_from, weight,
             lead(valid_from) over (partition by category_code order by valid_from) as valid_to
      from category_weights
    ),
    unit_cat as (
      select r.unit_id, r.quarter, r.status, i.category_code,
             sum(iv.weight * indicator_score(i.kind, iv.direction, iv.target, v.value)) / nullif(sum(iv.weight), 0) as score
      from units u
      join reports r on r.unit_id = u.id
      join report_values v on v.report_id = r.id
      join indicators i on i.code = v.indicator_code
      join iv on iv.indicator_code = v.indicator_code
             and iv.valid_from <= r.quarter and (iv.valid_to is null or r.quarter < iv.valid_to)
      where (${reportFilter})
        and (i.retired_from is null or r.quarter < i.retired_from)
        and iv.weight > 0
      group by r.unit_id, r.quarter, r.status, i.category_code
    ),
    unit_comp as (
      select uc.unit_id, uc.quarter, uc.status, sum(cw.weight * uc.score) / nullif(sum(cw.weight), 0) as composite
      from unit_cat uc
      join cw on cw.category_code = uc.category_code
             and cw.valid_from <= uc.quarter and (cw.valid_to is null or uc.quarter < cw.valid_to)
      where cw.weight > 0
      group by uc.unit_id, uc.quarter, uc.status
    )`;
}

/** `r.status in (…)` for an inclusion. */
export function statusFilter(include: ReportInclusion): SQL {
  return sql`r.status in (${sql.join(
    reportInclusions[include].map((s) => sql`${s}`),
    sql`, `,
  )})`;
}

/**
 * The scoring CTEs for every unit under `rootPath` in a quarter range: the live ("naive")
 * query the dashboards ran before the rollup tables, kept as the benchmark's baseline and as
 * the oracle the rollups are tested against.
 */
export function unitScoresCte(opts: { rootPath: string; from: string; to: string; include: ReportInclusion }): SQL {
  return scoringCtes(
    sql`${inSubtreeSql("u", { path: opts.rootPath })} and r.quarter between ${opts.from} and ${opts.to} and ${statusFilter(opts.include)}`,
  );
}
