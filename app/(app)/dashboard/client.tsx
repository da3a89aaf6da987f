"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Breadcrumb } from "~/app/_components/charts/breadcrumb";
import { FilterBar } from "~/app/_components/charts/filter-bar";
import type { DashboardDefaults } from "~/app/_components/charts/filter-params";
import { DashboardFiltersProvider, useDashboardFilters } from "~/app/_components/charts/use-dashboard-filters";
import { ChartExportScopeProvider, useExportScope } from "~/app/_components/charts/export-meta";
import { Notice } from "~/app/_components/ui/notice";
import { describeError } from "~/app/_lib/trpc/errors";
import { useTRPC } from "~/app/_lib/trpc/react";
import { BestWorstCard } from "./best-worst-card";
import { CaseFigures } from "./case-figures";
import { CategoryTrendsCard } from "./category-trends-card";
import { CompletenessCard } from "./completeness-card";
import { CompositeTrendCard } from "./composite-trend-card";
import { HeatmapCard } from "./heatmap-card";
import { DashboardTabs } from "./dashboard-tabs";
import { OverviewHeader } from "./overview-header";
import { RadarCard } from "./radar-card";
import { subunitsState } from "./subunits";
import { useOverviewText } from "./use-labels";

export function DashboardClient({ defaults, ownUnitOnly }: { defaults: DashboardDefaults; ownUnitOnly: boolean }) {
  return (
    <DashboardFiltersProvider defaults={defaults}>
      <Overview ownUnitOnly={ownUnitOnly} />
    </DashboardFiltersProvider>
  );
}

function Overview({ ownUnitOnly }: { ownUnitOnly: boolean }) {
  const { t, quarter } = useOverviewText();
  const trpc = useTRPC();
  const f = useDashboardFilters();
  const keep = { placeholderData: keepPreviousData };
  const overview = useQuery(trpc.dashboard.overview.queryOptions({ unitId: f.unitId, from: f.from, to: f.to, include: f.include }, keep));
  const o = overview.data;
  const exportScope = useExportScope(o?.unitName, f.from, f.to, ownUnitOnly);
  // The heatmap and best/worst show the single chosen quarter, else the latest one with data.
  const focus = f.singleQuarter ? f.from : (o?.latest?.quarter ?? null);
  const heatmap = useQuery(
    trpc.dashboard.heatmap.queryOptions(
      { unitId: f.unitId, quarter: focus ?? f.to, include: f.include },
      { ...keep, enabled: focus !== null && !ownUnitOnly },
    ),
  );
  const completeness = useQuery(trpc.dashboard.completeness.queryOptions({ unitId: f.unitId, quarter: f.to }, keep));

  if (overview.error && !o) {
    return (
      <div className="space-y-3">
        <h1 className="text-lg font-semibold">{t("heading")}</h1>
        <Notice tone="error">{describeError(overview.error).message}</Notice>
        <button type="button" className="text-sm text-party hover:underline" onClick={() => f.setUnit(f.defaults.unitId)}>
          {t("backToOwn")}
        </button>
      </div>
    );
  }

  const approved = f.include === "approved";
  const rangeEmpty = t(approved ? "empty.rangeApproved" : "empty.rangeSubmitted");
  const exportBase = o ? `${o.unitName}_${f.from === f.to ? f.from : `${f.from}-${f.to}`}` : "";
  // Never another unit's or quarter's rows under this title: placeholder data shows as loading.
  const heatmapFresh = heatmap.isPlaceholderData ? undefined : heatmap.data;
  const subunits = subunitsState({
    quarter: o ? focus : null,
    heatmap: heatmapFresh,
    loading: !o || overview.isPlaceholderData || heatmap.isFetching,
    ownUnitOnly,
    unitName: o?.unitName ?? "",
    text: {
      staff: t("empty.staffOwnUnit"),
      leaf: (name) => t("empty.leaf", { name }),
      noReports: f.singleQuarter ? t(approved ? "empty.quarterApproved" : "empty.quarterSubmitted") : rangeEmpty,
      noSubunitScores: (q) => t(approved ? "empty.subunitsApproved" : "empty.subunitsSubmitted", { quarter: quarter(q) }),
      tryInclude: t("empty.tryInclude"),
    },
  });
  const stale = overview.isPlaceholderData;
  // On a phone, the next-level cards are left out where they could never show anything.
  const subunitCards = subunits.kind === "empty" && subunits.alwaysEmpty ? "hidden sm:block lg:col-span-2" : "lg:col-span-2";

  return (
    <ChartExportScopeProvider value={exportScope}>
      <div className="space-y-4">
        <DashboardTabs />
        <OverviewHeader overview={o} ownUnitOnly={ownUnitOnly} />
        {o ? <Breadcrumb items={o.breadcrumb} /> : null}
        <div className="flex flex-wrap items-end justify-between gap-3 rounded border border-neutral-200 bg-white px-4 py-3">
          <FilterBar />
          {o ? <CaseFigures overview={o} /> : null}
        </div>
        <div className={`grid gap-4 lg:grid-cols-2 ${stale ? "opacity-60 transition-opacity" : ""}`} aria-busy={stale}>
          <CompositeTrendCard overview={o} exportBase={exportBase} emptyText={rangeEmpty} />
          <CategoryTrendsCard overview={o} category={f.category} exportBase={exportBase} emptyText={rangeEmpty} />
          <RadarCard overview={o} category={f.category} exportBase={exportBase} emptyText={rangeEmpty} />
          <CompletenessCard completeness={completeness.data} unitId={f.unitId} quarter={f.to} exportBase={o?.unitName ?? ""} />
          <div className={subunitCards} data-always-empty={subunitCards.startsWith("hidden") || undefined}>
            <HeatmapCard heatmap={heatmapFresh} state={subunits} category={f.category} exportBase={o?.unitName ?? ""} />
          </div>
          <div className={subunitCards}>
            <BestWorstCard heatmap={heatmapFresh} state={subunits} exportBase={o?.unitName ?? ""} />
          </div>
        </div>
      </div>
    </ChartExportScopeProvider>
  );
}
