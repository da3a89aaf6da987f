/**
 * The drawn size (viewBox) of the hand-drawn SVG charts that are drawn once near the window
 * (near-window.ts): their placeholder takes the same aspect ratio, so nothing moves when the
 * chart replaces it. The charts scale to their card's width, up to `maxWidth`. A page works the
 * placeholders out on the server, so no sizing code is part of its first load.
 */
export type ChartBox = { width: number; height: number; maxWidth: number };

/** The scores the heatmap's colour legend shows a sample of. */
export const heatLegendStops = [0, 40, 60, 75, 90, 100];

/** UnitHeatmap: a label column and one cell per column, a row per unit, the colour legend under it. */
export const heatmapLayout = { labelW: 176, cellW: 76, rowH: 28, headH: 52, legendH: 40, legendStepW: 44 };

export function heatmapBox(units: number, columns: number): ChartBox {
  const l = heatmapLayout;
  const width = Math.max(l.labelW + columns * l.cellW, l.labelW + heatLegendStops.length * l.legendStepW);
  return { width, height: l.headH + units * l.rowH + l.legendH, maxWidth: width * 1.35 };
}

/** RankedUnitBars: panels side by side, a title and a row per unit each. */
export const rankedLayout = { panelW: 340, gap: 24, rowH: 26, titleH: 24 };

export function rankedBox(lists: number, rows: number): ChartBox {
  const l = rankedLayout;
  const width = lists * l.panelW + (lists - 1) * l.gap;
  return { width, height: l.titleH + Math.max(1, rows) * l.rowH + 4, maxWidth: width * 1.3 };
}

/** A placeholder's style for `box`: the chart's aspect ratio, as wide as the card up to the chart's widest. */
export const boxStyle = (box: ChartBox) => ({ aspectRatio: `${box.width} / ${box.height}`, maxWidth: box.maxWidth });
