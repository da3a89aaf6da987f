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

/** A shade of the density grid: cells counting `from`–`to` units are drawn in `color`. */
export type DensityClass = { from: number; to: number; color: string };

/** Sequential blues (ColorBrewer, colour-blind safe), apart from the 党建红 of the flagged units. */
const densityColors = ["#c6dbef", "#9ecae1", "#6baed6", "#3182bd", "#08519c"];

/** The smallest of 1, 2, 5 × 10ⁿ at or above `x`. */
function niceCeil(x: number): number {
  const p = 10 ** Math.floor(Math.log10(x));
  return [1, 2, 5, 10].map((k) => k * p).find((v) => v >= x) ?? 10 * p;
}

/**
 * The density grid's shades for cells of 1 to `max` units: up to five classes whose upper
 * bounds grow geometrically (round numbers, the last one `max`), so a few crowded cells do not
 * wash every other cell out to the palest shade.
 */
export function densityClasses(max: number): DensityClass[] {
  if (!(max >= 1)) return [];
  const n = densityColors.length;
  const uppers: number[] = [];
  for (let k = 1; k <= n; k++) {
    const upper = k === n ? max : Math.min(max, max <= n ? k : niceCeil(max ** (k / n)));
    if (upper > (uppers.at(-1) ?? 0)) uppers.push(upper);
  }
  // The darkest shades for the most crowded cells, whatever the number of classes.
  const colors = densityColors.slice(n - uppers.length);
  return uppers.map((to, i) => ({ from: i === 0 ? 1 : uppers[i - 1]! + 1, to, color: colors[i]! }));
}

/** The shade of a cell counting `count` units. */
export function densityColor(count: number, classes: DensityClass[]): string {
  return (classes.find((c) => count <= c.to) ?? classes.at(-1))?.color ?? densityColors[0]!;
}

/** A score range as the grid's table writes it: "80–82". */
export const cellRange = (edge: number, cell: number) => `${edge}–${edge + cell}`;

/** The density grid as its table, CSV and Excel file: one row per cell with units in it. */
export function binChartData(
  bins: { business: number; party: number; count: number }[],
  cell: number,
  labels: { business: string; party: string; count: string },
): ChartData {
  return {
    columns: [
      { key: "business", label: labels.business },
      { key: "party", label: labels.party },
      { key: "count", label: labels.count, decimals: 0 },
    ],
    rows: bins.map((b) => ({ business: cellRange(b.business, cell), party: cellRange(b.party, cell), count: b.count })),
  };
}
