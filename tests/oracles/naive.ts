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
import { flagRules, toFlag, type FlagRow } from "~/server/services/meeting/flags";
import type { FlagKind } from "~/lib/codes";
import { reachSql, readableFromSql } from "~/server/scope";

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

/** `dashboard.meetingQuality` as it was before the rollups: the charts live, the flags counted from the full list, the same breadcrumb. */
export async function naiveMeetingQuality(ctx: Ctx, input: MeetingQualityInput) {
  const root = await assertUnitInScope(ctx.db, ctx.actor, input.unitId, "read");
  const charts = await naiveMeetingQualityCharts(ctx, input);
  // The flags counted from the whole list, as the page once received it.
  const flags = await naiveMeetingFlags(ctx, { unitId: root.id, from: input.from, to: input.to });
  const kinds = flagTally(flags);
  const trail = await breadcrumb(ctx.db, ctx.actor, root);
  return {
    unitId: root.id,
    unitName: root.name,
    from: input.from,
    to: input.to,
    breadcrumb: trail,
    ...charts,
    flagCounts: { total: flags.length, kinds },
  };
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

/** How many flags of each kind (kinds with none left out). */
export function flagTally(flags: { kind: FlagKind }[]) {
  const out: Partial<Record<FlagKind, number>> = {};
  for (const f of flags) out[f.kind] = (out[f.kind] ?? 0) + 1;
  return out;
}

/**
 * `meeting.flags` as it was before issue 16's paging: one scan of every meeting of the subtree
 * and range (a CTE read by each kind), the rules of `flagRules` — the oracle of the per-kind
 * indexed query in server/services/meeting/flags.ts.
 */
export async function naiveMeetingFlags({ db, actor }: Ctx, input: { unitId: number; from: string; to: string; subtree?: boolean }) {
  const unit = await assertUnitInScope(db, actor, input.unitId, "read");
  const rows = await queryRows<FlagRow>(db, naiveFlagsSql(actor, unit, input));
  return rows.map(toFlag);
}

/** `meeting.flagsPage` from the one-scan query: the page in the same order, the total and counts from the whole list. */
export async function naiveMeetingFlagsPage(
  ctx: Ctx,
  input: { unitId: number; from: string; to: string; kind?: FlagKind; offset: number; limit: number },
) {
  const unit = await assertUnitInScope(ctx.db, ctx.actor, input.unitId, "read");
  const all = await naiveMeetingFlags(ctx, input);
  const kinds = flagTally(all);
  const rows = await queryRows<FlagRow>(
    ctx.db,
    sql`select * from (${naiveFlagsSql(ctx.actor, unit, input)}) f where ${input.kind ?? null}::text is null or kind = ${input.kind ?? null}
        order by quarter desc, "unitName", "unitId", date nulls last, "meetingId" nulls last, kind
        limit ${input.limit} offset ${input.offset}`,
  );
  return {
    total: input.kind ? (kinds[input.kind] ?? 0) : all.length,
    offset: input.offset,
    limit: input.limit,
    kind: input.kind ?? null,
    rows: rows.map(toFlag),
  };
}

function naiveFlagsSql(actor: Actor, unit: { id: number; path: string }, input: { from: string; to: string; subtree?: boolean }) {
  const criticismTypes = ["org_life", "democratic_life"];
  const inScope = readableFromSql(actor, unit, "u", input.subtree === false);
  // Whether the caller may open the other meeting of a copied pair (the page links to it).
  const otherReadable = reachSql(actor, "read", "ou");
  const dutyInScope = readableFromSql(actor, unit, "du", input.subtree === false);
  const criticism = sql.join(
    criticismTypes.map((t) => sql`${t}`),
    sql`, `,
  );
  const r = flagRules;

  return sql`with m as (
      select m.id, m.unit_id, u.name as unit_name, m.quarter, m.type, m.date, m.expected, m.present,
             m.critical_opinions, m.copied_from_id, m.copied_similarity
      from meetings m join units u on u.id = m.unit_id
      where ${inScope} and m.quarter >= ${input.from} and m.quarter <= ${input.to}
    )
    select unit_id as "unitId", unit_name as "unitName", quarter, id as "meetingId", type as "meetingType",
           date::text as date, 'zero_criticism' as kind,
           jsonb_build_object('type', type, 'date', date::text, 'count', critical_opinions) as evidence
      from m where type in (${criticism}) and critical_opinions = 0
    union all
    select unit_id, unit_name, quarter, id, type, date::text, 'low_attendance',
           jsonb_build_object('present', present, 'expected', expected,
                              'ratio', round(present::numeric / expected, 2))
      from m where present * ${r.lowAttendance[1]}::int < expected * ${r.lowAttendance[0]}::int
    union all
    select m.unit_id, m.unit_name, m.quarter, m.id, m.type, m.date::text, 'copied_minutes',
           jsonb_build_object('otherMeetingId', o.id, 'otherUnitId', o.unit_id, 'otherUnitName', ou.name,
                              'otherDate', o.date::text, 'otherQuarter', o.quarter, 'otherReadable', (${otherReadable}),
                              'sameUnit', o.unit_id = m.unit_id, 'similarity', round(m.copied_similarity::numeric, 2))
      from m join meetings o on o.id = m.copied_from_id join units ou on ou.id = o.unit_id
    union all
    select unit_id, min(unit_name), quarter, null, null, null, 'quarter_end_bunching',
           jsonb_build_object('count', count(*), 'firstDate', min(date)::text, 'lastDate', max(date)::text)
      from m group by unit_id, quarter
     having count(*) >= ${r.bunchingMinMeetings}
        and min(date) >= (date_trunc('quarter', min(date)::timestamp) + interval '3 months')::date - ${r.bunchingLastDays}::int
    union all
    select d.unit_id, du.name, d.year || 'Q4', null, null, null, 'copied_duty_report',
           jsonb_build_object('dutyReportId', d.id, 'year', d.year, 'otherDutyReportId', o.id, 'otherUnitId', o.unit_id,
                              'otherUnitName', ou.name, 'otherYear', o.year, 'otherReadable', (${otherReadable}),
                              'sameUnit', o.unit_id = d.unit_id, 'similarity', round(d.copied_similarity::numeric, 2))
      from duty_reports d join units du on du.id = d.unit_id
      join duty_reports o on o.id = d.copied_from_id join units ou on ou.id = o.unit_id
     where ${dutyInScope} and d.year || 'Q4' >= ${input.from} and d.year || 'Q4' <= ${input.to}
    order by 3, 2, 6 nulls last, 4`;
}
