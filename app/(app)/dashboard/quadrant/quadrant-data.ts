import { round1, type ChartData } from "~/app/_components/charts/chart-data";

/** A unit as `dashboard.quadrant` returns it. */
export type QuadrantPoint = { id: number; name: string; business: number; party: number; hasChildren: boolean };
export type Thresholds = { business: number | null; party: number | null };

export const quadrants = ["highBizLowParty", "highBoth", "lowBoth", "lowBizHighParty"] as const;
export type Quadrant = (typeof quadrants)[number];

/**
 * Which quadrant a unit falls in, by the same rule as the server's list: business at or above
 * its dividing line is "high", Party building below its line is "low".
 */
export function quadrantOf(p: { business: number; party: number }, t: { business: number; party: number }): Quadrant {
  const highBiz = p.business >= t.business;
  const highParty = p.party >= t.party;
  if (highBiz) return highParty ? "highBoth" : "highBizLowParty";
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
  thresholds: Thresholds,
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
 * Which dots get their name written beside them: the 重业务轻党建 ones first (largest gap
 * first), then the rest, skipping any dot whose name would overlap a name already placed
 * (names are centred above their dot, about 11 px a character on a ~550 × 270 px plot). The
 * others are named in the tooltip, the list and the table.
 */
export function namedDots(points: QuadrantPoint[], flagged: Set<number>, domain: { x: [number, number]; y: [number, number] }, max = 10): Set<number> {
  const sx = domain.x[1] - domain.x[0] || 1;
  const sy = domain.y[1] - domain.y[0] || 1;
  const order = [...points].sort((a, b) => Number(flagged.has(b.id)) - Number(flagged.has(a.id)) || gapOf(b) - gapOf(a) || a.id - b.id);
  const placed: QuadrantPoint[] = [];
  for (const p of order) {
    if (placed.length >= max) break;
    const clash = placed.some(
      (q) => Math.abs(q.business - p.business) / sx < ((q.name.length + p.name.length) / 2) * 0.021 && Math.abs(q.party - p.party) / sy < 0.065,
    );
    if (!clash) placed.push(p);
  }
  return new Set(placed.map((p) => p.id));
}
