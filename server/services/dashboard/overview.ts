import "server-only";
import { queryTogether, type Db } from "~/db/client";
import { addQuarters } from "~/lib/quarter";
import { assertUnitInScope, readsOnlyOwnUnit, type Actor } from "~/server/scope";
import { caseSummaryOf, caseSummarySql, type CaseSummaryRow } from "~/server/services/case/summary";
import { breadcrumbOf, breadcrumbSql, breadcrumbTrail } from "./breadcrumb";
import { expectedByQuarter, expectedUnitsSql, type ExpectedRow } from "./expected";
import { checkedRange } from "~/server/lib/quarter-range";
import { emptyScores, foldScores, ownScoresSql, subtreeScoresSql, type Scores, type SeriesRow } from "./scores";
import { defaultInclusion, type ReportInclusion } from "~/lib/status";

export type OverviewInput = { unitId: number; from: string; to: string; include?: ReportInclusion };
export type TrendPoint = { quarter: string } & Scores;
/** A trend point with how many units were expected to report that quarter (`unitCount` of them counted). */
export type CoveredPoint = TrendPoint & { expectedUnits: number };

/** Trend points for every quarter of a range from owner → quarter scores (nulls where nothing counted). */
export function trendOf(quarters: string[], byQuarter: Map<string, Scores> | undefined): TrendPoint[] {
  return quarters.map((quarter) => ({ quarter, ...(byQuarter?.get(quarter) ?? emptyScores()) }));
}

/**
 * The latest quarter with data, and the quarter just before it (the radar's "this vs last"),
 * taken from `byQuarter`, which may reach one quarter before the range.
 */
export function latestAndPrevious(trend: TrendPoint[], byQuarter?: Map<string, Scores>) {
  const i = trend.findLastIndex((t) => t.composite !== null);
  if (i < 0) return { latest: null, previous: null };
  const quarter = addQuarters(trend[i]!.quarter, -1);
  const scores = i >= 1 ? trend[i - 1]! : byQuarter?.get(quarter);
  return { latest: trend[i]!, previous: scores ? { ...scores, quarter } : null };
}

/**
 * `dashboard.overview`: composite, business and category trends of a subtree, read from the
 * rollup table (one indexed read, however large the subtree), plus its accountability cases.
 * Staff read their own unit only, never the subtree below it.
 *
 * Two round trips: the unit and its scope check, then every read of the answer in one
 * statement (`queryTogether`) — scores, units expected per quarter, breadcrumb, cases.
 */
export async function dashboardOverview({ db, actor }: { db: Db; actor: Actor }, input: OverviewInput) {
  const quarters = checkedRange(input.from, input.to);
  const root = await assertUnitInScope(db, actor, input.unitId, "read");
  const include = input.include ?? defaultInclusion;
  const onlyRoot = readsOnlyOwnUnit(actor);
  // One quarter before the range as well, for the radar's "last quarter" when the range is one quarter.
  const range = { from: addQuarters(input.from, -1), to: input.to };
  const trail = breadcrumbTrail(actor, root);
  const read = await queryTogether(db, {
    scores: onlyRoot ? ownScoresSql([root.id], range, include) : subtreeScoresSql([root.id], range, include),
    expected: expectedUnitsSql(root, onlyRoot, quarters),
    breadcrumb: breadcrumbSql(trail),
    cases: caseSummarySql(root, { onlyRoot }),
  });
  const byQuarter = foldScores(read.scores as SeriesRow[]).get(root.id);
  const expected = expectedByQuarter(quarters, read.expected as ExpectedRow[]);
  const trend: CoveredPoint[] = trendOf(quarters, byQuarter).map((p) => ({ ...p, expectedUnits: expected.get(p.quarter) ?? 0 }));
  return {
    unitId: root.id,
    unitName: root.name,
    from: input.from,
    to: input.to,
    include,
    breadcrumb: breadcrumbOf(trail, read.breadcrumb as { id: number; name: string }[]),
    trend,
    ...latestAndPrevious(trend, byQuarter),
    cases: caseSummaryOf(read.cases as CaseSummaryRow[]),
  };
}
