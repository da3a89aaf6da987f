import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { QuadrantBin } from "~/lib/scoring/quadrant-bins";
import type { QuadrantCutoff, Thresholds } from "~/lib/scoring/quadrant-cutoff";
import type { QuadrantPoint } from "./quadrant-points";

/** What the quadrant of every unit reads, live (./quadrant-units.ts) or from the rollup (./quadrant-rollup.ts). */

export type PointRow = { id: number; name: string; business: number; party: number; has_children: boolean };

/** Every unit below the root by its own report: all of them, or (above `binAbove`) the grid and the flagged ones. */
export type BinnedUnitsQuadrant = {
  binned: true;
  total: number;
  bins: QuadrantBin[];
  thresholds: Thresholds;
  flagged: QuadrantPoint[];
  flaggedTotal: number;
};
export type UnitsQuadrant = { binned: false; total: number; points: QuadrantPoint[] } | BinnedUnitsQuadrant;

export const pointOf = (r: PointRow): QuadrantPoint => ({
  id: Number(r.id),
  name: r.name,
  business: Number(r.business),
  party: Number(r.party),
  hasChildren: !!r.has_children,
});

/** The units of `from` (id, business, party) with their names and whether they have units below. */
export const namedPointsSql = (from: SQL): SQL =>
  sql`select s.id, u.name, s.business, s.party, exists (select 1 from units k where k.parent_id = s.id) as has_children
      from (${from}) s join units u on u.id = s.id`;

/** The binned statement's columns (the live read and the rollup read answer the same). */
export type BinnedRow = {
  total: number;
  mean_business: number | null;
  mean_party: number | null;
  bins: QuadrantBin[] | null;
  flagged: PointRow[] | null;
  flagged_total: number | null;
};

/** The binned answer from its row: numbers from the drivers' strings, the lines the cut-off drew. */
export function binnedAnswer(row: BinnedRow, cutoff: QuadrantCutoff): BinnedUnitsQuadrant {
  const num = (x: number | null) => (x === null ? null : Number(x));
  return {
    binned: true,
    total: Number(row.total),
    bins: (row.bins ?? []).map((b) => ({ business: Number(b.business), party: Number(b.party), count: Number(b.count) })),
    thresholds:
      cutoff.mode === "fixed"
        ? { mode: "fixed", business: cutoff.business, party: cutoff.party }
        : { mode: "mean", business: num(row.mean_business), party: num(row.mean_party) },
    flagged: (row.flagged ?? []).map(pointOf),
    flaggedTotal: Number(row.flagged_total ?? 0),
  };
}
