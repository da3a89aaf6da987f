import "server-only";
import { sql } from "drizzle-orm";
import { categoryCodes, type CategoryCode } from "~/lib/codes";
import { queryRows, type Db } from "~/db/client";
import type { ReportInclusion } from "~/lib/status";
import { countedStatusSql } from "~/lib/status-sql";

/** What a dashboard shows for one subtree (or unit) and quarter: means over the units counted. */
export type Scores = {
  composite: number | null;
  business: number | null;
  categories: Record<CategoryCode, number | null>;
  /** Units whose composite counted (the mean's denominator). */
  unitCount: number;
};

export const emptyScores = (): Scores => ({
  composite: null,
  business: null,
  categories: Object.fromEntries(categoryCodes.map((c) => [c, null])) as Record<CategoryCode, number | null>,
  unitCount: 0,
});

/** A row of series means: `owner` is the subtree root (or unit) it belongs to. */
export type SeriesRow = { owner: number; quarter: string; series: string; score: number | string | null; n: number | string };

/** Folds series rows into owner → quarter → Scores. */
export function foldScores(rows: SeriesRow[]): Map<number, Map<string, Scores>> {
  const out = new Map<number, Map<string, Scores>>();
  for (const r of rows) {
    let byQuarter = out.get(Number(r.owner));
    if (!byQuarter) out.set(Number(r.owner), (byQuarter = new Map<string, Scores>()));
    let s = byQuarter.get(r.quarter);
    if (!s) byQuarter.set(r.quarter, (s = emptyScores()));
    const score = r.score === null ? null : Number(r.score);
    if (r.series === "composite") {
      s.composite = score;
      s.unitCount = Number(r.n);
    } else if (r.series === "business") s.business = score;
    else if ((categoryCodes as readonly string[]).includes(r.series)) s.categories[r.series as CategoryCode] = score;
  }
  return out;
}

type Range = { from: string; to: string };

/**
 * Subtree means from the rollup table: one indexed read of (root × quarter × series) rows,
 * whatever the size of the subtrees.
 */
export async function readSubtreeScores(db: Db, rootIds: number[], range: Range, include: ReportInclusion) {
  if (rootIds.length === 0) return new Map<number, Map<string, Scores>>();
  return foldScores(await queryRows<SeriesRow>(db, subtreeScoresSql(rootIds, range, include)));
}

/** The query of `readSubtreeScores` (rows for `foldScores`), for reads that batch it with others; `rootIds` not empty. */
export function subtreeScoresSql(rootIds: number[], range: Range, include: ReportInclusion) {
  const [sum, count] = include === "approved" ? ["approved_sum", "approved_count"] : ["submitted_sum", "submitted_count"];
  return sql`select root_unit_id as owner, quarter, series,
               ${sql.raw(sum)} / nullif(${sql.raw(count)}, 0) as score, ${sql.raw(count)} as n
        from subtree_scores
        where root_unit_id in (${sql.join(
          rootIds.map((id) => sql`${id}`),
          sql`, `,
        )})
          and quarter between ${range.from} and ${range.to} and ${sql.raw(count)} > 0`;
}

/** One unit's own scores (no subtree) from the fact table — what staff see of their unit. */
export async function readOwnScores(db: Db, unitIds: number[], range: Range, include: ReportInclusion) {
  if (unitIds.length === 0) return new Map<number, Map<string, Scores>>();
  return foldScores(await queryRows<SeriesRow>(db, ownScoresSql(unitIds, range, include)));
}

/** The query of `readOwnScores` (rows for `foldScores`); `unitIds` not empty. */
export function ownScoresSql(unitIds: number[], range: Range, include: ReportInclusion) {
  return sql`select unit_id as owner, quarter, series, score, 1 as n
        from unit_scores
        where unit_id in (${sql.join(
          unitIds.map((id) => sql`${id}`),
          sql`, `,
        )})
          and quarter between ${range.from} and ${range.to} and ${countedStatusSql("status", include)}`;
}
