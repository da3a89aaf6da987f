import "server-only";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "~/db/client";
import { belowByRegionSql, belowSql } from "~/server/scope";
import { countedStatusSql } from "~/lib/status-sql";
import type { ReportInclusion } from "~/lib/status";
import { businessOverPartySql, thresholdsSql } from "~/lib/scoring/quadrant-cutoff-sql";
import { binSql } from "~/lib/scoring/quadrant-bins-sql";
import type { QuadrantBinning } from "~/lib/scoring/quadrant-bins";
import type { QuadrantCutoff } from "~/lib/scoring/quadrant-cutoff";
import { quadrantFromRollup } from "./quadrant-rollup";
import { binnedAnswer, namedPointsSql, pointOf, type BinnedRow, type PointRow, type UnitsQuadrant } from "./quadrant-units-sql";

/** Scored units in a subtree up to which each one's scores are looked up by key (see unitsQuadrant). */
const LOOKUP_UP_TO = 5000;

type Row = BinnedRow & { points: PointRow[] | null };

export type { UnitsQuadrant };

/**
 * Every unit below `root` with both scores in a quarter, each by its own report (leaves and
 * the 党委/党总支 that report for themselves), from the fact table, in one statement. Up to
 * `binAbove` units: every point (the caller splits the quadrant). Above it: units counted per
 * cell of the grid, the dividing lines (means over all of them — from the cells' sums, so the
 * units are read once — or the fixed cut-off), and the
 * `flaggedLimit` 重业务轻党建 units with the largest gap besides how many there are — the
 * branches not taken are never run (PostgreSQL evaluates an uncorrelated subquery on first use).
 */
export async function unitsQuadrant(
  db: Db,
  opts: {
    root: { id: number; path: string; depth: number };
    /** The units directly below the root (for a tree's root: its regions). */
    children: readonly number[];
    quarter: string;
    include: ReportInclusion;
    cutoff: QuadrantCutoff;
    binning: QuadrantBinning;
    /** Up to this many scored units (the root's rollup says how many), each unit's scores are looked up by key. */
    lookupUpTo?: number;
    /** Tests: read a large subtree through the units' paths even where its region would do. */
    byPath?: boolean;
    /** Tests and the bench: read the units live even where the rollup would do. */
    live?: boolean;
  },
): Promise<UnitsQuadrant> {
  const { quarter, include, binning } = opts;

  // Three ways to the same units, by the subtree's size (the root's rollup says it): a
  // department's units from the path index and their scores by key, so the read costs what the
  // subtree holds (left to itself the planner scans the quarter's facts of the whole tree for
  // them); the whole tree or a region straight from the facts in unit order, by region, without
  // the units table; a large subtree deeper down, the facts in unit order joined to its units.
  const [size] = await queryRows<{ n: number }>(
    db,
    sql`select ${include === "approved" ? sql`approved_count` : sql`submitted_count`} as n
        from subtree_scores where root_unit_id = ${opts.root.id} and quarter = ${quarter} and series = 'composite'`,
  );
  // A tree root or a region with more units than are drawn one by one (the rollup's count of
  // units with a composite bounds it): its cells and sums from the quadrant rollup, only the
  // flagged units read (./quadrant-rollup.ts).
  if (!opts.live && !opts.byPath && Number(size?.n ?? 0) > binning.binAbove) {
    const fromRollup = await quadrantFromRollup(db, opts);
    if (fromRollup) return fromRollup;
  }
  const byKey = Number(size?.n ?? 0) <= (opts.lookupUpTo ?? LOOKUP_UP_TO);
  const byRegion = byKey || opts.byPath ? null : belowByRegionSql("c", opts.root, opts.children);
  const counted = (alias: string, series: string) => {
    const x = sql.identifier(alias);
    return sql`${x}.quarter = ${quarter} and ${x}.series = ${series} and ${countedStatusSql(`${alias}.status`, include)}`;
  };
  const scored = byRegion
    ? sql`select c.unit_id as id, b.score as business, c.score as party
          from unit_scores c join unit_scores b on b.unit_id = c.unit_id and ${counted("b", "business")}
          where ${counted("c", "composite")} and ${byRegion}`
    : byKey
      ? // `offset 0` keeps each lookup a subquery: one index probe per unit of the subtree.
        sql`select u.id, b.score as business, c.score as party
            from units u
            cross join lateral (select c.score from unit_scores c where c.unit_id = u.id and ${counted("c", "composite")} offset 0) c
            cross join lateral (select b.score from unit_scores b where b.unit_id = u.id and ${counted("b", "business")} offset 0) b
            where ${belowSql("u", opts.root)}`
      : sql`select u.id, b.score as business, c.score as party
            from units u
            join unit_scores c on c.unit_id = u.id and ${counted("c", "composite")}
            join unit_scores b on b.unit_id = u.id and ${counted("b", "business")}
            where ${belowSql("u", opts.root)}`;
  const lines = thresholdsSql(opts.cutoff, { business: sql`n.mean_business`, party: sql`n.mean_party` });
  const flaggedSql = businessOverPartySql(sql`s.business`, sql`s.party`, { business: sql`l.business`, party: sql`l.party` });
  const named = namedPointsSql;
  const binned = sql`(select total from n) > ${binning.binAbove}::bigint`;
  const [row] = await queryRows<Row>(
    db,
    sql`with s as materialized (${scored}),
        g as (
          select ${binSql(sql`business`, binning.cell)} as business, ${binSql(sql`party`, binning.cell)} as party,
                 count(*)::int as count, sum(business::numeric) as business_sum, sum(party::numeric) as party_sum
          from s group by 1, 2
        ),
        n as (
          select coalesce(sum(count), 0)::int as total,
                 (sum(business_sum) / nullif(sum(count), 0))::float8 as mean_business,
                 (sum(party_sum) / nullif(sum(count), 0))::float8 as mean_party
          from g
        ),
        l as (select ${lines.business} as business, ${lines.party} as party from n),
        f as (select s.id, s.business, s.party from s, l where ${flaggedSql})
        select n.total, n.mean_business, n.mean_party,
          case when not ${binned} then
            (select json_agg(p order by p.id) from (${named(sql`select * from s`)}) p) end as points,
          case when ${binned} then
            (select json_agg(json_build_object('business', g.business, 'party', g.party, 'count', g.count) order by g.business, g.party) from g) end as bins,
          case when ${binned} then (select count(*)::int from f) end as flagged_total,
          case when ${binned} then
            (select json_agg(p order by p.business - p.party desc, p.id) from (${named(
              sql`select * from f order by f.business - f.party desc, f.id limit ${binning.flaggedLimit}`,
            )}) p) end as flagged
        from n`,
  );
  const total = Number(row?.total ?? 0);
  if (!row || !(total > binning.binAbove)) return { binned: false, total, points: (row?.points ?? []).map(pointOf) };
  return binnedAnswer(row, opts.cutoff);
}
