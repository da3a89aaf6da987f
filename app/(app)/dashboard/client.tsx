"use client";

import type { DashboardFilters } from "~/app/_components/charts/filter-params";
import { useDashboardFilters } from "~/app/_components/charts/use-dashboard-filters";
import type { PageRead } from "~/app/_lib/trpc/page-read";
import { BestWorstCard } from "./best-worst-card";
import { CategoryTrendsCard } from "./category-trends-card";
import { CompletenessCard } from "./completeness-card";
import { CompositeTrendCard } from "./composite-trend-card";
import { HeatmapCard } from "./heatmap-card";
import type { OverviewBoxes } from "./overview-boxes";
import type { Completeness, Heatmap, Overview } from "./overview-data";
import { RadarCard } from "./radar-card";
import type { SubunitsState } from "./subunits";
import { useOverviewText } from "./use-labels";

/**
 * The overview's chart cards, drawn from what the server read for `filters` (the page puts them in
 * a PendingArea: while the page for new filters is on its way they stay, dimmed and `aria-busy`;
 * and in an ExportScope). The category is the URL's own.
 */
export function OverviewCards(props: {
  overview: Overview;
  completeness: PageRead<Completeness>;
  heatmap: PageRead<Heatmap> | null;
  /** Whether the next level down can be compared (worded on the server: subunits-state.ts). */
  subunits: SubunitsState;
  filters: DashboardFilters;
  /** The placeholders of the charts drawn near the window. */
  boxes: OverviewBoxes;
}) {
  const { t } = useOverviewText();
  const { category } = useDashboardFilters();
  const { overview: o, filters: f } = props;
  const approved = f.include === "approved";
  const rangeEmpty = t(approved ? "empty.rangeApproved" : "empty.rangeSubmitted");
  const exportBase = `${o.unitName}_${f.from === f.to ? f.from : `${f.from}-${f.to}`}`;
  const heatmap = props.heatmap?.ok ? props.heatmap.data : undefined;
  const subunits = props.subunits;
  // On a phone, the next-level cards are left out where they could never show anything.
  const subunitCards = subunits.kind === "empty" && subunits.alwaysEmpty ? "hidden sm:block lg:col-span-2" : "lg:col-span-2";

  return (
    <>
      <CompositeTrendCard overview={o} exportBase={exportBase} emptyText={rangeEmpty} />
      <CategoryTrendsCard overview={o} category={category} exportBase={exportBase} emptyText={rangeEmpty} />
      <RadarCard overview={o} category={category} exportBase={exportBase} emptyText={rangeEmpty} />
      <CompletenessCard completeness={props.completeness} unitId={f.unitId} quarter={f.to} exportBase={o.unitName} />
      <div className={subunitCards} data-always-empty={subunitCards.startsWith("hidden") || undefined}>
        <HeatmapCard heatmap={heatmap} state={subunits} category={category} exportBase={o.unitName} box={props.boxes.heatmap} />
      </div>
      <div className={subunitCards}>
        <BestWorstCard heatmap={heatmap} state={subunits} exportBase={o.unitName} box={props.boxes.bestWorst} />
      </div>
    </>
  );
}
