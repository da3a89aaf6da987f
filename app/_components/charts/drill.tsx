"use client";

import { useDashboardFilters } from "./use-dashboard-filters";

/** Drill-down actions for charts: a unit becomes the subtree root, a quarter becomes the range. */
export function useDrill() {
  const { setUnit, setQuarter } = useDashboardFilters();
  return { toUnit: setUnit, toQuarter: setQuarter };
}

/**
 * Which quarter a click at `x` means, given the centres of the quarters' axis labels (in the
 * same coordinates): the nearest one, if the click lies within half a band of it. A click on a
 * label, a point or the band above it therefore selects that quarter. (Recharts' own click state
 * is not used: focusing the chart moves its keyboard cursor to the first quarter, and a click
 * on an axis label reported that — the wrong quarter.)
 */
export function nearestIndex(centres: number[], x: number): number | null {
  if (centres.length === 0 || !Number.isFinite(x)) return null;
  let best = 0;
  for (let i = 1; i < centres.length; i++) if (Math.abs(centres[i]! - x) < Math.abs(centres[best]! - x)) best = i;
  const band = centres.length > 1 ? Math.abs(centres[centres.length - 1]! - centres[0]!) / (centres.length - 1) : Infinity;
  return Math.abs(centres[best]! - x) <= band / 2 ? best : null;
}

/** The quarter under a click inside a chart whose axis labels carry `data-quarter-tick`. */
export function quarterAtClick(chart: Element, clientX: number): number | null {
  const ticks = [...chart.querySelectorAll("[data-quarter-tick]")].sort(
    (a, b) => Number(a.getAttribute("data-quarter-tick")) - Number(b.getAttribute("data-quarter-tick")),
  );
  const centres = ticks.map((t) => {
    const r = t.getBoundingClientRect();
    return r.left + r.width / 2;
  });
  return nearestIndex(centres, clientX);
}
