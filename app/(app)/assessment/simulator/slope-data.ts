import { round1, type ChartData } from "~/app/_components/charts/chart-data";
import { grades, type Grade } from "~/lib/codes";

/** A unit as `assessment.simulate` returns it (the fields the page uses). */
export type SimulatedRow = {
  unitId: number;
  name: string;
  business: number;
  party: number;
  combinedNow: number;
  combinedAt: number;
  rankNow: number;
  rankAt: number;
  bandNow: Grade;
  bandAt: Grade;
  businessOverParty: boolean;
};

export type BandMove = "up" | "down" | "same";

/** Whether the chosen weight moves the unit to a better band, a worse one, or leaves it. */
export function bandMove(r: Pick<SimulatedRow, "bandNow" | "bandAt">): BandMove {
  const d = grades.indexOf(r.bandAt) - grades.indexOf(r.bandNow);
  return d < 0 ? "up" : d > 0 ? "down" : "same";
}

/** The units whose band changes, biggest rank move first, then by the chosen weight's rank. */
export function bandChanges(rows: readonly SimulatedRow[]): SimulatedRow[] {
  return rows
    .filter((r) => bandMove(r) !== "same")
    .sort((a, b) => Math.abs(b.rankNow - b.rankAt) - Math.abs(a.rankNow - a.rankAt) || a.rankAt - b.rankAt);
}

/** The figures of the summary line: band changes (up / down) and how many 重业务轻党建 units drop a band. */
export function simulationSummary(rows: readonly SimulatedRow[]) {
  const moves = rows.map((r) => ({ r, m: bandMove(r) }));
  return {
    changed: moves.filter((x) => x.m !== "same").length,
    up: moves.filter((x) => x.m === "up").length,
    down: moves.filter((x) => x.m === "down").length,
    quadrantDown: moves.filter((x) => x.m === "down" && x.r.businessOverParty).length,
    quadrantTotal: rows.filter((r) => r.businessOverParty).length,
  };
}

/** The slope chart's rows as its table, CSV and Excel file: one per unit, both weights side by side. */
export function slopeChartData(
  rows: readonly SimulatedRow[],
  labels: {
    unit: string;
    business: string;
    party: string;
    combinedNow: string;
    rankNow: string;
    bandNow: string;
    combinedAt: string;
    rankAt: string;
    bandAt: string;
    quadrant: string;
    grade: (g: Grade) => string;
    yes: string;
  },
): ChartData {
  return {
    columns: [
      { key: "unit", label: labels.unit },
      { key: "business", label: labels.business },
      { key: "party", label: labels.party },
      { key: "combinedNow", label: labels.combinedNow },
      { key: "rankNow", label: labels.rankNow, decimals: 0 },
      { key: "bandNow", label: labels.bandNow },
      { key: "combinedAt", label: labels.combinedAt },
      { key: "rankAt", label: labels.rankAt, decimals: 0 },
      { key: "bandAt", label: labels.bandAt },
      { key: "quadrant", label: labels.quadrant },
    ],
    rows: rows.map((r) => ({
      unit: r.name,
      business: round1(r.business),
      party: round1(r.party),
      combinedNow: round1(r.combinedNow),
      rankNow: r.rankNow,
      bandNow: labels.grade(r.bandNow),
      combinedAt: round1(r.combinedAt),
      rankAt: r.rankAt,
      bandAt: labels.grade(r.bandAt),
      quadrant: r.businessOverParty ? labels.yes : "",
    })),
  };
}

/** A weight as a whole percent (0.3 → 30). */
export const percent = (w: number) => Math.round(w * 100);
