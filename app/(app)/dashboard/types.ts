import type { RouterOutputs } from "~/app/_lib/trpc/types";

/** The shapes of dashboard.overview / heatmap / completeness the overview page draws, from the router. */
type TrendPoint = RouterOutputs["dashboard"]["overview"]["trend"][number];
export type Scores = Omit<TrendPoint, "quarter" | "expectedUnits">;
/** `expectedUnits`: how many units were due to report that quarter (of which `unitCount` counted). */
export type QuarterScores = Omit<TrendPoint, "expectedUnits"> & Partial<Pick<TrendPoint, "expectedUnits">>;
export type HeatmapRow = RouterOutputs["dashboard"]["heatmap"]["rows"][number];
export type CompletenessSummary = Omit<RouterOutputs["dashboard"]["completeness"], "quarter" | "deadline">;
