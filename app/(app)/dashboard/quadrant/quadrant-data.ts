import { round1, type ChartData } from "~/app/_components/charts/chart-data";
import { isBusinessOverParty, type Thresholds as CutoffLines } from "~/lib/scoring/quadrant-cutoff";

/** A unit as `dashboard.quadrant` returns it. */
export type QuadrantPoint = { id: number; name: string; business: number; party: number; hasChildren: boolean };
export type Thresholds = CutoffLines;

export const quadrants = ["highBizLowParty", "highBoth", "lowBoth", "lowBizHighParty"] as const;
export type Quadrant = (typeof quadrants)[number];

/**
 * Which quadrant a unit falls in, by the server's rule (lib/scoring/quadrant-cutoff.ts):
 * business at or above its dividing line is "high", Party building below its line is "low".
 */
export function quadrantOf(p: { business: number; party: number }, t: { business: number; party: number }): Quadrant {
  if (isBusinessOverParty(p, t)) return "highBizLowParty";
  const highBiz = p.business >= t.business;
  const highParty = p.party >= t.party;
  if (highBiz) return "highBoth";
  return highParty ? "lowBizHighParty" : "lowBoth";
}

/** How far business runs ahead of Party building, from the scores as written (one decimal), so the columns add up. */
export const gapOf = (p: { business: number; party: number }) => round1(round1(p.business)! - round1(p.party)!)!;

/**
 * Axis range for a score: from a round ten below the lowest value (points and dividing line,
 * with a margin) up to 100, so the points are not squeezed into a corner of 0–100.
 */
export function axisDomain(values: number[]): [number, number] {
  const finite = values.filter((v) => Number.isFinite(v));
  if (finite.length === 0) return [0, 100];
  const low = Math.max(0, Math.floor((Math.min(...finite) - 5) / 10) * 10);
  return [Math.min(low, 90), 100];
}

/** The rows the scatter draws (one per unit), as its table, CSV and Excel file. */
export function quadrantChartData(
  points: QuadrantPoint[],
  thresholds: Pick<Thresholds, "business" | "party">,
  labels: { unit: string; business: string; party: string; gap: string; quadrant: string; quadrantName: (q: Quadrant) => string },
): ChartData {
  const t = thresholds.business !== null && thresholds.party !== null ? { business: thresholds.business, party: thresholds.party } : null;
  return {
    columns: [
      { key: "unit", label: labels.unit },
      { key: "business", label: labels.business },
      { key: "party", label: labels.party },
      { key: "gap", label: labels.gap },
      { key: "quadrant", label: labels.quadrant },
    ],
    rows: points.map((p) => ({
      unit: p.name,
      business: round1(p.business),
      party: round1(p.party),
      gap: gapOf(p),
      quadrant: t ? labels.quadrantName(quadrantOf(p, t)) : null,
    })),
  };
}

/** Why the quadrant has nothing to draw (null: it has), in the order a user would check. */
export function quadrantEmptyReason(s: {
  ownUnitOnly: boolean;
  level: "children" | "units";
  pointCount: number;
  /** Units directly below the root; undefined while loading. */
  childCount: number | undefined;
}): "staff" | "leaf" | "noUnits" | "noScores" | null {
  if (s.ownUnitOnly) return "staff";
  if (s.pointCount > 0) return null;
  if (s.level === "children" && s.childCount === 0) return "leaf";
  if (s.level === "units" && s.childCount === 0) return "noUnits";
  return "noScores";
}

/**
 * The dots in the order their labels are placed (server/…/label-layout gives each the first free
 * spot): the 重业务轻党建 ones first, largest gap first, then the rest by gap.
 */
export function labelOrder<P extends QuadrantPoint>(points: P[], flagged: Set<number>): P[] {
  return [...points].sort((a, b) => Number(flagged.has(b.id)) - Number(flagged.has(a.id)) || gapOf(b) - gapOf(a) || a.id - b.id);
}
