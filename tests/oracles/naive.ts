import { sql } from "drizzle-orm";
import { queryRows, type Db } from "~/db/client";
import { assertUnitInScope, inSubtreeSql, type Actor } from "~/server/scope";
import { childUnits } from "~/server/services/dashboard/children";
import { latestAndPrevious, trendOf, type OverviewInput } from "~/server/services/dashboard/overview";
import type { HeatmapInput } from "~/server/services/dashboard/heatmap";
import type { QuadrantInput } from "~/server/services/dashboard/quadrant";
import { getSetting } from "~/server/services/settings/get";
import { splitQuadrant, type QuadrantPoint } from "~/server/services/dashboard/quadrant-points";
import { checkedRange } from "~/server/lib/quarter-range";
import { emptyScores, foldScores, type SeriesRow } from "~/server/services/dashboard/scores";
import { countedStatusSql } from "~/lib/status-sql";
import { unitScoresCte } from "~/server/services/dashboard/unit-scores-sql";
import { caseSummaryOf, liveCaseSummarySql, type CaseSummaryRow } from "~/server/services/case/summary";
import { expectationTable, fillCompletion, fillDistribution } from "~/server/services/dashboard/meeting-quality-rows";
import {
  liveCompletionSql,
  liveDistributionSql,
  type BucketRow,
  type CompletionRow,
} from "~/server/services/dashboard/meeting-quality-sql";
import type { MeetingQualityInput } from "~/server/services/dashboard/meeting-quality";
import { breadcrumb } from "~/server/services/dashboard/breadcrumb";
import { expectedByQuarter, liveExpectedUnitsSql, type ExpectedRow } from "~/server/services/dashboard/expected";
import { meetingFlags } from "~/server/services/meeting/flags";

/*
 * The dashboards computed live from the raw reports, as they were before the rollup tables:
 * the benchmark's baseline and the oracle of the rollup tests. Not used by the app; scoped to
 * whole-subtree readers (the benchmark and the tests call them as admin or leader).
 */

type Ctx = { db: Db; actor: Actor };

/** Per-unit series (composite, business, categories) of every counted report under a path, in a range. */
function perUnitSeries(opts: { rootPath: string; from: string; to: string; include: "approved" | "submitted" }) {
  return sql`${unitScoresCte(opts)},
    per_unit as (
      select unit_id, quarter, 'composite' as series, composite as score from unit_comp where composite is not null
      union all
      select unit_id, quarter, category_code, score from unit_cat where score is not null
      union all
      select r.unit_id, r.quarter, 'business', r.business_score
      from reports r join units u on u.id = r.unit_id
      where ${inSubtreeSql("u", { path: opts.rootPath })} and r.quarter between ${opts.from} and ${opts.to}
        and ${countedStatusSql("r.status", opts.include)}
        and r.business_score is not null
    )`;
}

export async function naiveOverview({ db, actor }: Ctx, input: OverviewInput) {
  const quarters = checkedRange(input.from, input.to);
  const root = await assertUnitInScope(db, actor, input.unitId, "read");
  const include = input.include ?? "approved";
  const rows = await queryRows<SeriesRow>(
    db,
    sql`${perUnitSeries({ rootPath: root.path, from: input.from, to: input.to, include })}
        select ${root.id}::int as owner, quarter, series, avg(score) as score, count(*) as n
        from per_unit group by quarter, series`,
  );
  const expected = expectedByQuarter(quarters, await queryRows<ExpectedRow>(db, liveExpectedUnitsSql(root, false, quarters)));
  const trend = trendOf(quarters, foldScores(rows).get(root.id)).map((p) => ({ ...p, expectedUnits: expected.get(p.quarter) ?? 0 }));
  const cases = caseSummaryOf(await queryRows<CaseSummaryRow>(db, liveCaseSummarySql(root, { onlyRoot: false })));
  return { unitId: root.id, from: input.from, to: input.to, include, trend, ...latestAndPrevious(trend), cases };
}

/** The two meeting-quality charts counted live from the meetings of the whole subtree. */
export async function naiveMeetingQualityCharts({ db, actor }: Ctx, input: MeetingQualityInput) {
  const quarters = checkedRange(input.from, input.to);
  const root = await assertUnitInScope(db, actor, input.unitId, "read");
  const table = expectationTable(await getSetting(db, "meetingFrequencies"));
  const range = { quarters, from: input.from, to: input.to };
  const inScope = inSubtreeSql("u", root);
  const completion = await queryRows<CompletionRow>(db, liveCompletionSql(inScope, table, range));
  const buckets = await queryRows<BucketRow>(db, liveDistributionSql(inScope, range));
  return { completion: fillCompletion(quarters, completion), distribution: fillDistribution(buckets) };
}

/** `dashboard.meetingQuality` as it was before the rollups: the charts live, the same flags and breadcrumb. */
export async function naiveMeetingQuality(ctx: Ctx, input: MeetingQualityInput) {
  const root = await assertUnitInScope(ctx.db, ctx.actor, input.unitId, "read");
  const charts = await naiveMeetingQualityCharts(ctx, input);
  const flags = await meetingFlags(ctx, { unitId: root.id, from: input.from, to: input.to });
  const trail = await breadcrumb(ctx.db, ctx.actor, root);
  return { unitId: root.id, unitName: root.name, from: input.from, to: input.to, breadcrumb: trail, ...charts, flags };
}

/** Means per child of the root, each over that child's whole subtree (the child id is read off each unit's path). */
async function perChild(db: Db, root: { id: number; path: string }, quarter: string, include: "approved" | "submitted") {
  const rows = await queryRows<SeriesRow>(
    db,
    sql`${perUnitSeries({ rootPath: root.path, from: quarter, to: quarter, include })}
        select split_part(substr(u.path, ${root.path.length + 1}::int), '/', 1)::int as owner,
               p.quarter, p.series, avg(p.score) as score, count(*) as n
        from per_unit p join units u on u.id = p.unit_id
        where u.id <> ${root.id}
        group by 1, p.quarter, p.series`,
  );
  return foldScores(rows);
}

export async function naiveHeatmap({ db, actor }: Ctx, input: HeatmapInput) {
  const root = await assertUnitInScope(db, actor, input.unitId, "read");
  const include = input.include ?? "approved";
  const children = await childUnits(db, root.id);
  const scores = await perChild(db, root, input.quarter, include);
  const rows = children.map((c) => ({ ...c, ...(scores.get(c.id)?.get(input.quarter) ?? emptyScores()) }));
  return { unitId: root.id, quarter: input.quarter, include, rows };
}

export async function naiveQuadrant({ db, actor }: Ctx, input: QuadrantInput) {
  const root = await assertUnitInScope(db, actor, input.unitId, "read");
  const include = input.include ?? "approved";
  const level = input.level ?? "children";
  const points: QuadrantPoint[] = [];
  if (level === "children") {
    const children = await childUnits(db, root.id);
    const scores = await perChild(db, root, input.quarter, include);
    for (const c of children) {
      const s = scores.get(c.id)?.get(input.quarter);
      if (s?.business != null && s.composite != null)
        points.push({ id: c.id, name: c.name, business: s.business, party: s.composite, hasChildren: c.hasChildren });
    }
  } else {
    const rows = await queryRows<{ id: number; name: string; business: number | string; party: number | string; has_children: boolean }>(
      db,
      sql`${perUnitSeries({ rootPath: root.path, from: input.quarter, to: input.quarter, include })}
          select u.id, u.name, b.score as business, c.score as party,
                 exists (select 1 from units k where k.parent_id = u.id) as has_children
          from units u
          join per_unit c on c.unit_id = u.id and c.series = 'composite'
          join per_unit b on b.unit_id = u.id and b.series = 'business'
          where u.id <> ${root.id}
          order by u.id`,
    );
    for (const r of rows)
      points.push({ id: Number(r.id), name: r.name, business: Number(r.business), party: Number(r.party), hasChildren: !!r.has_children });
  }
  return {
    unitId: root.id,
    quarter: input.quarter,
    include,
    level,
    points,
    ...splitQuadrant(points, await getSetting(db, "quadrantCutoff")),
  };
}
