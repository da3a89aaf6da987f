import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Db } from "~/db/client";
import { belowByRegionSql } from "~/server/scope";
import { countedStatusSql } from "~/lib/status-sql";
import type { ReportInclusion } from "~/lib/status";
import { businessOverPartySql, thresholdsSql } from "~/lib/scoring/quadrant-cutoff-sql";
import { binSql } from "~/lib/scoring/quadrant-bins-sql";
import type { QuadrantBinning } from "~/lib/scoring/quadrant-bins";
import type { QuadrantCutoff } from "~/lib/scoring/quadrant-cutoff";
import { quadrantRollupCell, quadrantRollupMaxDepth } from "~/server/services/rollup/quadrant";
import { binnedAnswer, namedPointsSql, type BinnedRow, type BinnedUnitsQuadrant } from "./quadrant-units-sql";

type Row = BinnedRow;

/** Whether the binned quadrant of `root` can be read from the rollup (server/services/rollup/quadrant.ts). */
export const readsQuadrantRollup = (root: { depth: number }, binning: QuadrantBinning) =>
  root.depth <= quadrantRollupMaxDepth && binning.cell === quadrantRollupCell;

/**
 * The binned quadrant of every unit below a tree root or a region, from the rollup, in one
 * statement: the cells and their sums (the mean lines) from `subtree_quadrant_cells`; the
 * flagged units counted from the cells wholly in the 重业务轻党建 quadrant plus, live, the units of
 * the cells a dividing line crosses (one score range of `unit_quadrant` each way); the
 * `flaggedLimit` largest gaps from `unit_quadrant`'s gap index, read in order until enough are
 * found. The same result as the live statement (./quadrant-units.ts) — a test keeps them
 * equal. Null when there are `binAbove` units or fewer (they are drawn one by one, read live).
 */
export async function quadrantFromRollup(
  db: Db,
  opts: {
    root: { id: number; depth: number };
    children: readonly number[];
    quarter: string;
    include: ReportInclusion;
    cutoff: QuadrantCutoff;
    binning: QuadrantBinning;
  },
): Promise<BinnedUnitsQuadrant | null> {
  const { quarter, include, binning } = opts;
  const c = quadrantRollupCell;
  const below = belowByRegionSql("q", opts.root, opts.children);
  if (!below || !readsQuadrantRollup(opts.root, binning)) return null;
  const v = include === "approved" ? "approved" : "submitted";
  const col = (name: string) => sql.raw(`${v}_${name}`);
  const lines = thresholdsSql(opts.cutoff, { business: sql`n.mean_business`, party: sql`n.mean_party` });
  const line = { business: sql`(select business from l)`, party: sql`(select party from l)` };
  const counted = countedStatusSql("q.status", include);
  const flagged = businessOverPartySql(sql`q.business`, sql`q.party`, line);
  // A cell wholly in the quadrant: all its business scores at or above the line, all its party
  // scores below it; wholly out: all business below or all party at or above. The lowest and
  // highest cells also hold the scores beyond 0 and 100, so they are never judged by their edges there.
  const wholly = {
    in: sql`k.business >= l.business and k.business > 0 and k.party < ${100 - c}::float8 and k.party + ${c}::float8 <= l.party`,
    out: sql`(k.business + ${c}::float8 <= l.business and k.business < ${100 - c}::float8) or (k.party >= l.party and k.party > 0)`,
  };
  // The cells a line crosses: those left of the business line (or the lowest column) are found
  // by their business scores, the others (below the party line) by their party scores.
  const lo = (column: SQL) => sql`case when ${column} = 0 then '-infinity'::float8 else ${column} end`;
  const hi = (column: SQL) => sql`case when ${column} = ${100 - c}::float8 then 'infinity'::float8 else ${column} + ${c}::float8 end`;
  const range = (score: string, bound: "lo" | "hi") => sql`(select ${sql.raw(`${score}_${bound}`)} from r)`;
  const named = (from: SQL) => namedPointsSql(from);
  const [row] = await queryRows<Row>(
    db,
    sql`with g as (
          select business, party, ${col("count")} as count, ${col("business")} as business_sum, ${col("party")} as party_sum
          from subtree_quadrant_cells
          where root_unit_id = ${opts.root.id} and quarter = ${quarter} and ${col("count")} > 0
        ),
        n as (
          select coalesce(sum(count), 0)::int as total,
                 (sum(business_sum) / nullif(sum(count), 0))::float8 as mean_business,
                 (sum(party_sum) / nullif(sum(count), 0))::float8 as mean_party
          from g
        ),
        l as (select ${lines.business} as business, ${lines.party} as party from n),
        k as (
          select k.business, k.party, k.count,
                 case when ${wholly.in} then 'in' when ${wholly.out} then 'out' else 'edge' end as kind,
                 k.business < l.business or k.business = 0 as by_business
          from g k, l
        ),
        e as (select business, party, by_business from k where kind = 'edge'),
        r as (
          select min(${lo(sql`business`)}) filter (where by_business) as business_lo,
                 max(${hi(sql`business`)}) filter (where by_business) as business_hi,
                 min(${lo(sql`party`)}) filter (where not by_business) as party_lo,
                 max(${hi(sql`party`)}) filter (where not by_business) as party_hi
          from e
        ),
        cand as (
          select q.unit_id, q.business, q.party, q.status, q.region_id from unit_quadrant q
          where q.quarter = ${quarter} and q.business >= ${range("business", "lo")} and q.business < ${range("business", "hi")}
          union
          select q.unit_id, q.business, q.party, q.status, q.region_id from unit_quadrant q
          where q.quarter = ${quarter} and q.party >= ${range("party", "lo")} and q.party < ${range("party", "hi")}
        ),
        f as (
          select q.unit_id as id, q.business, q.party from unit_quadrant q
          where q.quarter = ${quarter} and ${counted} and ${below} and ${flagged}
          order by q.gap desc, q.unit_id
          limit ${binning.flaggedLimit}
        )
        select n.total, n.mean_business, n.mean_party,
          case when n.total > ${binning.binAbove}::bigint then
            (select json_agg(json_build_object('business', g.business, 'party', g.party, 'count', g.count) order by g.business, g.party) from g) end as bins,
          case when n.total > ${binning.binAbove}::bigint then
            (select coalesce(sum(count), 0) from k where kind = 'in')::int
            + (select count(*) from cand q
               where ${counted} and ${below} and ${flagged}
                 and (${binSql(sql`q.business`, c)}, ${binSql(sql`q.party`, c)}) in (select business, party from e))::int end as flagged_total,
          case when n.total > ${binning.binAbove}::bigint then
            (select json_agg(p order by p.business - p.party desc, p.id) from (${named(sql`select * from f`)}) p) end as flagged
        from n`,
  );
  const total = Number(row?.total ?? 0);
  if (!row || !(total > binning.binAbove)) return null;
  return binnedAnswer(row, opts.cutoff);
}
