import { round1, type ChartData } from "~/app/_components/charts/chart-data";
import { grades, type Grade } from "~/lib/codes";

type Counts = Record<Grade, number>;
export type DistributionRow = { name: string; n: number; counts: Counts; allowedGood: number };

/** The distribution's rows as its table and files: the whole subtree first, then each unit one level down. */
export function distributionChartData(
  rows: DistributionRow[],
  labels: { unit: string; n: string; grade: (g: Grade) => string; allowedGood: string },
): ChartData {
  return {
    columns: [
      { key: "unit", label: labels.unit },
      { key: "n", label: labels.n, decimals: 0 },
      ...grades.map((g) => ({ key: g, label: labels.grade(g), decimals: 0 })),
      { key: "allowedGood", label: labels.allowedGood, decimals: 0 },
    ],
    rows: rows.map((r) => ({ unit: r.name, n: r.n, ...r.counts, allowedGood: r.allowedGood })),
  };
}

export type ChangeCell = { from: Grade | null; to: Grade; count: number; units: { unitId: number; name: string }[] };

/** The year-on-year matrix: rows last year's grade (null: not graded), columns this year's; each cell's count and units. */
export function changeMatrix(cells: ChangeCell[]) {
  const from: (Grade | null)[] = [...grades, null];
  const at = (f: Grade | null, to: Grade) => cells.find((c) => c.from === f && c.to === to) ?? null;
  const rows = from
    .map((f) => ({ from: f, cells: grades.map((to) => at(f, to)) }))
    .filter((r) => r.from !== null || r.cells.some((c) => c));
  const better = cells.filter((c) => c.from !== null && grades.indexOf(c.to) < grades.indexOf(c.from)).reduce((s, c) => s + c.count, 0);
  const worse = cells.filter((c) => c.from !== null && grades.indexOf(c.to) > grades.indexOf(c.from)).reduce((s, c) => s + c.count, 0);
  const same = cells.filter((c) => c.from === c.to).reduce((s, c) => s + c.count, 0);
  return { rows, better, worse, same };
}

/** The matrix's cells as rows of a file: from, to, count, units. */
export function changesChartData(
  cells: ChangeCell[],
  labels: { from: string; to: string; count: string; units: string; grade: (g: Grade | null) => string },
): ChartData {
  return {
    columns: [
      { key: "from", label: labels.from },
      { key: "to", label: labels.to },
      { key: "count", label: labels.count, decimals: 0 },
      { key: "units", label: labels.units },
    ],
    rows: cells.map((c) => ({
      from: labels.grade(c.from),
      to: labels.grade(c.to),
      count: c.count,
      units: c.units.map((u) => u.name).join("、"),
    })),
  };
}

/** A unit on the year's quadrant with its frozen grade (null while rated). */
export type GradedPoint = { unitId: number; name: string; business: number; party: number; grade: Grade | null };

export function gradedQuadrantData(
  points: GradedPoint[],
  labels: {
    unit: string;
    business: string;
    party: string;
    grade: string;
    gradeName: (g: Grade | null) => string;
    quadrant: string;
    flagged: (p: GradedPoint) => string;
  },
): ChartData {
  return {
    columns: [
      { key: "unit", label: labels.unit },
      { key: "business", label: labels.business },
      { key: "party", label: labels.party },
      { key: "grade", label: labels.grade },
      { key: "quadrant", label: labels.quadrant },
    ],
    rows: points.map((p) => ({
      unit: p.name,
      business: round1(p.business),
      party: round1(p.party),
      grade: labels.gradeName(p.grade),
      quadrant: labels.flagged(p),
    })),
  };
}
