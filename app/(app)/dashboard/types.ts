import type { CategoryCode } from "~/lib/codes";

/** The shapes of dashboard.overview / heatmap / completeness the overview page draws. */
export type Scores = {
  composite: number | null;
  business: number | null;
  categories: Record<CategoryCode, number | null>;
  unitCount: number;
};
/** `expectedUnits`: how many units were due to report that quarter (of which `unitCount` counted). */
export type QuarterScores = { quarter: string; expectedUnits?: number } & Scores;
export type HeatmapRow = { id: number; name: string; type: string; hasChildren: boolean } & Scores;
export type CompletenessSummary = {
  total: number;
  notStarted: number;
  draft: number;
  returned: number;
  submitted: number;
  approved: number;
  late: number;
  overdue: number;
  onTime: number;
  onTimeRate: number | null;
};
