// The overview's charts drawn once the page has hydrated (use-loaded.ts), fetched as one chunk: the
// radar at the fold, the heatmap (grid and phone list) and best/worst below it.
export { default as CategoryRadarChart } from "~/app/_components/charts/chart-radar-categories";
export { UnitHeatmap } from "~/app/_components/charts/chart-heatmap-units";
export { HeatmapUnitList } from "~/app/_components/charts/heatmap-unit-list";
export { RankedUnitBars } from "~/app/_components/charts/chart-bar-ranked-units";
