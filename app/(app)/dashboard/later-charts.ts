// The overview's charts drawn once their card comes near the window (use-loaded.ts, near-window.ts),
// fetched as one chunk: the radar at the fold, the heatmap (grid or phone list) and best/worst below it.
export { default as CategoryRadarChart } from "~/app/_components/charts/chart-radar-categories";
export { HeatmapViews } from "./heatmap-views";
export { RankedUnitBars } from "~/app/_components/charts/chart-bar-ranked-units";
