import type { Db } from "~/db/client";
import { assertUnitInScope, readsOnlyOwnUnit, type Actor } from "~/server/scope";
import { caseSummary } from "~/server/services/case/summary";
import { breadcrumb } from "./breadcrumb";
import { checkedRange } from "./range";
import { emptyScores, readOwnScores, readSubtreeScores, type Scores } from "./scores";
import type { ReportInclusion } from "./unit-scores-sql";

export type OverviewInput = { unitId: number; from: string; to: string; include?: ReportInclusion };
export type TrendPoint = { quarter: string } & Scores;

/** Trend points for every quarter of a range from owner → quarter scores (nulls where nothing counted). */
export function trendOf(quarters: string[], byQuarter: Map<string, Scores> | undefined): TrendPoint[] {
  return quarters.map((quarter) => ({ quarter, ...(byQuarter?.get(quarter) ?? emptyScores()) }));
}

/** The latest quarter with data, and the quarter before it (the radar's "this vs last"). */
export function latestAndPrevious(trend: TrendPoint[]) {
  const i = trend.findLastIndex((t) => t.composite !== null);
  return { latest: i >= 0 ? trend[i]! : null, previous: i >= 1 ? trend[i - 1]! : null };
}

/**
 * `dashboard.overview`: composite, business and category trends of a subtree, read from the
 * rollup table (one indexed read, however large the subtree), plus its accountability cases.
 * Staff read their own unit only, never the subtree below it.
 */
export async function dashboardOverview({ db, actor }: { db: Db; actor: Actor }, input: OverviewInput) {
  const quarters = checkedRange(input.from, input.to);
  const root = await assertUnitInScope(db, actor, input.unitId, "read");
  const include = input.include ?? "approved";
  const onlyRoot = readsOnlyOwnUnit(actor);
  const range = { from: input.from, to: input.to };
  const scores = onlyRoot ? await readOwnScores(db, [root.id], range, include) : await readSubtreeScores(db, [root.id], range, include);
  const trend = trendOf(quarters, scores.get(root.id));
  return {
    unitId: root.id,
    unitName: root.name,
    from: input.from,
    to: input.to,
    include,
    breadcrumb: await breadcrumb(db, actor, root),
    trend,
    ...latestAndPrevious(trend),
    cases: await caseSummary(db, root, { onlyRoot }),
  };
}
