import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { itemOverdueSql } from "~/lib/rectification";
import { queryRows, type Db, type Tx } from "~/db/client";
import type { Unit } from "~/db/schema";
import type { QuadrantCutoff } from "~/lib/scoring/quadrant-cutoff";
import { businessOverPartySql, thresholdsSql } from "~/lib/scoring/quadrant-cutoff-sql";
import { inSubtreeSql } from "~/server/scope";
import { proposalLimits } from "./reasons";
import { countedStatusSql } from "~/lib/status-sql";
import type { ScoreInclusion } from "./schemas";

type Num = number | string; // numerics and bigints arrive as text from postgres.js

/**
 * The units an agenda may propose: the active units of the subtree, without its root unless
 * the root is all there is (a review looks at the units below the body that holds it).
 */
export const candidatesCte = (root: Pick<Unit, "id" | "path">): SQL => sql`cand as (
    select u.id, u.name from units u
    where ${inSubtreeSql("u", root)} and u.active
      and (u.id <> ${root.id} or not exists (
        select 1 from units o where ${inSubtreeSql("o", root)} and o.active and o.id <> ${root.id}))
  )`;

export type ScoreRankRow = {
  unit_id: number;
  name: string;
  composite: number;
  business: number | null;
  low_rank: Num;
  gap_rank: Num | null;
  /** The dividing lines in force (the means in the mean mode). */
  mean_composite: number | null;
  mean_business: number | null;
  scored: Num;
};

/**
 * Lowest composites (rank ≤ 5) and 重业务轻党建 units (the admin's cut-off: business at or
 * above its line and composite below its line — the lines being the means of the candidates
 * scored on both that quarter, or fixed thresholds — ranked by business − composite), from
 * `unit_scores`, in one statement. `mean_*` carry the lines in force, whichever the mode.
 */
export function scoreRanks(db: Db | Tx, root: Pick<Unit, "id" | "path">, quarter: string, include: ScoreInclusion, cutoff: QuadrantCutoff) {
  const n = proposalLimits.perReason;
  const lines = thresholdsSql(cutoff, { business: sql`m.mb`, party: sql`m.mc` });
  return queryRows<ScoreRankRow>(
    db,
    sql`with ${candidatesCte(root)},
      s as (
        select c.id as unit_id, c.name,
               max(us.score) filter (where us.series = 'composite') as composite,
               max(us.score) filter (where us.series = 'business') as business
        from cand c join unit_scores us on us.unit_id = c.id
        where us.quarter = ${quarter} and us.series in ('composite', 'business') and ${countedStatusSql("us.status", include)}
        group by c.id, c.name
      ),
      m as (select avg(composite) filter (where business is not null) as mc,
                   avg(business) filter (where composite is not null) as mb, count(composite) as scored from s),
      r as (
        select s.*, ${lines.party} as mc, ${lines.business} as mb, m.scored,
               row_number() over (order by s.composite, s.unit_id) as low_rank,
               case when ${businessOverPartySql(sql`s.business`, sql`s.composite`, lines)} then s.business - s.composite end as gap
        from s cross join m where s.composite is not null
      ),
      g as (
        select r.*, case when gap is not null then row_number() over (order by gap desc nulls last, unit_id) end as gap_rank from r
      )
      select unit_id, name, composite, business, low_rank, gap_rank, mc as mean_composite, mb as mean_business, scored
      from g where low_rank <= ${n} or gap_rank <= ${n}`,
  ).then((rows) =>
    rows.map((r) => ({
      ...r,
      unit_id: Number(r.unit_id),
      composite: Number(r.composite),
      business: r.business === null ? null : Number(r.business),
      mean_composite: r.mean_composite === null ? null : Number(r.mean_composite),
      mean_business: r.mean_business === null ? null : Number(r.mean_business),
    })),
  );
}

/** Candidates with open rectification items past their deadline (not done, deadline before today in Beijing). */
export async function overdueUnits(db: Db | Tx, root: Pick<Unit, "id" | "path">, today: string) {
  const rows = await queryRows<{ unit_id: number; name: string; items: Num; cases: Num; oldest: string }>(
    db,
    sql`with ${candidatesCte(root)}
      select c.id as unit_id, c.name, count(*) as items, count(distinct k.id) as cases, to_char(min(ri.deadline), 'YYYY-MM-DD') as oldest
      from cand c join cases k on k.unit_id = c.id join rectification_items ri on ri.case_id = k.id
      where ${itemOverdueSql("ri", today)}
      group by c.id, c.name`,
  );
  return rows.map((r) => ({
    unitId: Number(r.unit_id),
    name: r.name,
    items: Number(r.items),
    cases: Number(r.cases),
    oldestDeadline: r.oldest,
  }));
}

/** Composite and business scores of some units in one quarter (for units proposed for other reasons). */
export async function scoresOf(db: Db | Tx, unitIds: number[], quarter: string, include: ScoreInclusion) {
  const out = new Map<number, { composite: number | null; business: number | null }>();
  if (unitIds.length === 0) return out;
  const ids = sql.join(
    unitIds.map((id) => sql`${id}::int`),
    sql`, `,
  );
  const rows = await queryRows<{ unit_id: number; composite: number | null; business: number | null }>(
    db,
    sql`select unit_id,
               max(score) filter (where series = 'composite') as composite,
               max(score) filter (where series = 'business') as business
        from unit_scores
        where unit_id in (${ids}) and quarter = ${quarter} and series in ('composite', 'business') and ${countedStatusSql("status", include)}
        group by unit_id`,
  );
  for (const r of rows) {
    out.set(Number(r.unit_id), {
      composite: r.composite === null ? null : Number(r.composite),
      business: r.business === null ? null : Number(r.business),
    });
  }
  return out;
}

/** The names of those units that are active and in the subtree (an agenda may hold any of them, the root included). */
export async function unitsInSubtree(db: Db | Tx, root: Pick<Unit, "path">, unitIds: number[]) {
  if (unitIds.length === 0) return new Map<number, string>();
  const ids = sql.join(
    unitIds.map((id) => sql`${id}::int`),
    sql`, `,
  );
  const rows = await queryRows<{ id: number; name: string }>(
    db,
    sql`select id, name from units where id in (${ids}) and active and ${inSubtreeSql("units", root)}`,
  );
  return new Map(rows.map((r) => [Number(r.id), r.name]));
}

/** Which of some units are candidates of the subtree (active, and not its root unless alone). */
export async function candidatesAmong(db: Db | Tx, root: Pick<Unit, "id" | "path">, unitIds: number[]) {
  if (unitIds.length === 0) return new Set<number>();
  const ids = sql.join(
    unitIds.map((id) => sql`${id}::int`),
    sql`, `,
  );
  const rows = await queryRows<{ id: number }>(db, sql`with ${candidatesCte(root)} select id from cand where id in (${ids})`);
  return new Set(rows.map((r) => Number(r.id)));
}
