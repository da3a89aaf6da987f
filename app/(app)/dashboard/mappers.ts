import { round1, type ChartData } from "~/app/_components/charts/chart-data";
import { categoryCodes, type CategoryCode } from "~/lib/category-codes";
import type { CompletenessSummary, HeatmapRow, QuarterScores } from "./types";

/**
 * Pure mappers from the dashboard procedures to the rows each chart draws (and exports).
 * Labels come in already translated; quarters are formatted by the caller's `quarterLabel`.
 */
type QuarterLabel = (quarter: string) => string;

/** Composite score per quarter: one row per quarter of the range, null where nothing counted; units counted and due. */
export function compositeTrendData(
  trend: QuarterScores[],
  labels: { quarter: string; composite: string; units: string; expected: string },
  quarterLabel: QuarterLabel,
): ChartData {
  return {
    columns: [
      { key: "quarter", label: labels.quarter },
      { key: "composite", label: labels.composite },
      { key: "units", label: labels.units, decimals: 0 },
      { key: "expected", label: labels.expected, decimals: 0 },
    ],
    rows: trend.map((p) => ({
      quarter: quarterLabel(p.quarter),
      composite: round1(p.composite),
      units: p.unitCount,
      expected: p.expectedUnits ?? null,
    })),
  };
}

/**
 * Which quarters are partial: some units counted, but fewer than were due (e.g. 35 of 53). A
 * quarter with nothing counted is a gap in the line, not a partial point.
 */
export function trendCoverage(
  trend: QuarterScores[],
  label: (counted: number, expected: number) => string,
): ({ partial: boolean; label: string } | null)[] {
  return trend.map((p) => {
    const expected = p.expectedUnits;
    if (expected === undefined || p.composite === null || p.unitCount === 0) return null;
    return { partial: p.unitCount < expected, label: label(p.unitCount, expected) };
  });
}

/** The categories a category chart shows: all six, or only the filtered one. */
export const shownCategories = (category: CategoryCode | null): CategoryCode[] => (category ? [category] : [...categoryCodes]);

/** One row per quarter, one column per shown category. */
export function categoryTrendData(
  trend: QuarterScores[],
  categories: CategoryCode[],
  labels: { quarter: string; category: (c: CategoryCode) => string },
  quarterLabel: QuarterLabel,
): ChartData {
  return {
    columns: [{ key: "quarter", label: labels.quarter }, ...categories.map((c) => ({ key: c, label: labels.category(c) }))],
    rows: trend.map((p) => ({
      quarter: quarterLabel(p.quarter),
      ...Object.fromEntries(categories.map((c) => [c, round1(p.categories[c])])),
    })),
  };
}

/** One row per category: its score in the latest quarter with data and in the quarter before. */
export function radarData(
  latest: QuarterScores | null,
  previous: QuarterScores | null,
  categories: CategoryCode[],
  labels: { category: string; categoryName: (c: CategoryCode) => string },
  quarterLabel: QuarterLabel,
): ChartData {
  if (!latest) return { columns: [], rows: [] };
  return {
    columns: [
      { key: "category", label: labels.category },
      { key: "current", label: quarterLabel(latest.quarter) },
      ...(previous ? [{ key: "previous", label: quarterLabel(previous.quarter) }] : []),
    ],
    rows: categories.map((c) => ({
      category: labels.categoryName(c),
      current: round1(latest.categories[c]),
      ...(previous ? { previous: round1(previous.categories[c]) } : {}),
    })),
  };
}

/** The heatmap's rows: one per unit of the next level, composite first, then the shown categories. */
export function heatmapData(
  rows: HeatmapRow[],
  categories: CategoryCode[],
  labels: { unit: string; composite: string; category: (c: CategoryCode) => string },
): ChartData {
  return {
    columns: [
      { key: "unit", label: labels.unit },
      { key: "composite", label: labels.composite },
      ...categories.map((c) => ({ key: c, label: labels.category(c) })),
    ],
    rows: rows.map((r) => ({
      unit: r.name,
      composite: round1(r.composite),
      ...Object.fromEntries(categories.map((c) => [c, round1(r.categories[c])])),
    })),
  };
}

/**
 * The five best and five worst units by composite score (units without a score left out).
 * With fewer than ten, the lists do not repeat a unit: the worst list takes what the best
 * list left, worst first.
 */
type Ranked = HeatmapRow & { composite: number };
export function bestWorst(rows: HeatmapRow[], n = 5): { best: Ranked[]; worst: Ranked[] } {
  const scored = rows
    .filter((r): r is Ranked => r.composite !== null && Number.isFinite(r.composite))
    .sort((a, b) => b.composite - a.composite || a.name.localeCompare(b.name, "zh-CN"));
  const best = scored.slice(0, n);
  const worst = scored.slice(Math.max(n, scored.length - n)).reverse();
  return { best, worst };
}

export function bestWorstData(
  lists: { best: HeatmapRow[]; worst: HeatmapRow[] },
  labels: { unit: string; group: string; rank: string; composite: string; best: string; worst: string },
): ChartData {
  const rows = (group: string, list: HeatmapRow[]) =>
    list.map((r, i) => ({ unit: r.name, group, rank: i + 1, composite: round1(r.composite), unitId: r.id }));
  return {
    columns: [
      { key: "unit", label: labels.unit },
      { key: "group", label: labels.group },
      { key: "rank", label: labels.rank, decimals: 0 },
      { key: "composite", label: labels.composite },
    ],
    rows: [...rows(labels.best, lists.best), ...rows(labels.worst, lists.worst)],
  };
}

export const completenessStates = ["approved", "submitted", "draft", "notStarted"] as const;
export type CompletenessState = (typeof completenessStates)[number];

/** Reporting state counts of one quarter (drafts and returned reports together), with shares. */
export function completenessData(
  s: CompletenessSummary,
  labels: { state: string; count: string; share: string; name: (k: CompletenessState) => string },
): ChartData {
  const counts: Record<CompletenessState, number> = {
    approved: s.approved,
    submitted: s.submitted,
    draft: s.draft + s.returned,
    notStarted: s.notStarted,
  };
  return {
    columns: [
      { key: "state", label: labels.state },
      { key: "count", label: labels.count, decimals: 0 },
      { key: "share", label: labels.share },
    ],
    rows: completenessStates.map((k) => ({
      state: labels.name(k),
      count: counts[k],
      share: s.total ? round1((counts[k] / s.total) * 100) : null,
      key: k,
    })),
  };
}
