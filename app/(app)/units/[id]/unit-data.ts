import { round1, type ChartData } from "~/app/_components/charts/chart-data";

/** Pure mappers of the unit page (labels come in translated). */

type TrendPoint = { quarter: string; composite: number | null; business: number | null };

/** The unit's two lines: Party-building composite and business score per quarter of the range. */
export function unitTrendData(
  trend: TrendPoint[],
  labels: { quarter: string; composite: string; business: string },
  quarterLabel: (q: string) => string,
): ChartData {
  return {
    columns: [
      { key: "quarter", label: labels.quarter },
      { key: "composite", label: labels.composite },
      { key: "business", label: labels.business },
    ],
    rows: trend.map((p) => ({ quarter: quarterLabel(p.quarter), composite: round1(p.composite), business: round1(p.business) })),
  };
}

/** The `n` latest meetings, newest first (by date, then by record). */
export function recentMeetings<M extends { id: number; date: string }>(meetings: M[], n = 20): M[] {
  return [...meetings].sort((a, b) => (a.date === b.date ? b.id - a.id : a.date < b.date ? 1 : -1)).slice(0, n);
}

/** The ancestors of a unit in a breadcrumb (its parent is the last of them), or none. */
export function parentOf(breadcrumb: { id: number; name: string }[], unitId: number): { id: number; name: string } | null {
  const i = breadcrumb.findIndex((b) => b.id === unitId);
  return i > 0 ? breadcrumb[i - 1]! : null;
}
