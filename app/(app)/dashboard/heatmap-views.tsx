"use client";

import { useSyncExternalStore } from "react";
import { UnitHeatmap, type HeatmapUnit } from "~/app/_components/charts/chart-heatmap-units";
import { HeatmapUnitList } from "~/app/_components/charts/heatmap-unit-list";

// Tailwind's `sm`: from here on the grid fits; below it, a phone reads the list.
const wideQuery = "(min-width: 640px)";
const subscribe = (change: () => void) => {
  const media = window.matchMedia(wideQuery);
  media.addEventListener("change", change);
  return () => media.removeEventListener("change", change);
};
const isWide = () => window.matchMedia(wideQuery).matches;

/**
 * The heatmap as a grid on screens that fit it and as a list on a phone — only the one shown is
 * drawn (both, one hidden by CSS, were a third of the overview's elements). Drawn in the browser
 * only (heatmap-card.tsx loads it once near the window), so the screen's width is known.
 */
export function HeatmapViews(props: {
  units: HeatmapUnit[];
  columns: string[];
  onSelect: (unit: HeatmapUnit) => void;
  selectLabel: (name: string) => string;
  label: string;
  legendLabel: string;
}) {
  const wide = useSyncExternalStore(subscribe, isWide, () => true);
  const { legendLabel, ...common } = props;
  return wide ? (
    <div className="overflow-x-auto">
      <UnitHeatmap testId="unit-heatmap-chart" legendLabel={legendLabel} {...common} />
    </div>
  ) : (
    <div className="px-2">
      <HeatmapUnitList testId="unit-heatmap-list" {...common} />
    </div>
  );
}
