import { boxStyle, heatmapBox, rankedBox } from "~/app/_components/charts/chart-boxes";
import type { CategoryCode } from "~/lib/category-codes";
import { bestWorst, shownCategories } from "./mappers";
import type { Heatmap } from "./overview-data";

export type OverviewBoxes = { heatmap: React.CSSProperties; bestWorst: React.CSSProperties };

/**
 * The boxes the overview's below-the-fold charts keep until they are drawn near the window (the
 * heatmap's grid and best/worst: their drawn aspect ratio), worked out on the server.
 */
export function overviewBoxes(heatmap: Heatmap | undefined, category: CategoryCode | null): OverviewBoxes {
  const rows = heatmap?.rows ?? [];
  const lists = bestWorst(rows);
  return {
    heatmap: boxStyle(heatmapBox(rows.length, 1 + shownCategories(category).length)),
    bestWorst: boxStyle(rankedBox(2, Math.max(lists.best.length, lists.worst.length))),
  };
}
