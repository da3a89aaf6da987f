"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { Breadcrumb } from "~/app/_components/charts/breadcrumb";
import { ChartExportScopeProvider, useExportScope } from "~/app/_components/charts/export-meta";
import { useDashboardFilters } from "~/app/_components/charts/use-dashboard-filters";
import { Notice } from "~/app/_components/ui/notice";
import { describeError } from "~/app/_lib/trpc/errors";
import { useTRPC } from "~/app/_lib/trpc/react";
import { formatQuarter } from "~/lib/quarter";
import { DashboardTabs } from "../dashboard-tabs";
import { CompletionCard } from "./completion-card";
import { DistributionCard } from "./distribution-card";
import { FlagsCard } from "./flags-card";
import { RangeControls } from "./range-controls";

/** 会议质量: 三会一课 completion over quarters, the quality-score histogram and the formalism flags of a subtree. */
export function MeetingQualityClient({ ownUnitOnly, running }: { ownUnitOnly: boolean; running: string }) {
  const t = useTranslations("meetingQuality");
  const tc = useTranslations("common");
  const locale = useLocale();
  const trpc = useTRPC();
  const f = useDashboardFilters();
  const query = useQuery({
    ...trpc.dashboard.meetingQuality.queryOptions({ unitId: f.unitId, from: f.from, to: f.to }),
    placeholderData: keepPreviousData,
  });
  const data = query.data;
  const exportBase = data ? `${data.unitName}_${data.from}-${data.to}` : "";
  const exportScope = useExportScope(data?.unitName, f.from, f.to, ownUnitOnly);

  return (
    <ChartExportScopeProvider value={exportScope}>
      <div className="space-y-3">
        <DashboardTabs />
        <div className="flex flex-wrap items-baseline gap-x-4 gap-y-1">
          <h1 className="text-lg font-semibold">{t("heading")}</h1>
          {data ? (
            <>
              <Breadcrumb items={data.breadcrumb} />
              <span className="text-sm text-neutral-600">{t(ownUnitOnly ? "ownUnit" : "subtree", { name: data.unitName })}</span>
              <span className="text-sm text-neutral-600">
                {t("range", { from: formatQuarter(data.from, locale), to: formatQuarter(data.to, locale) })}
              </span>
            </>
          ) : null}
        </div>
        <RangeControls f={f} />
        {query.error ? (
          <Notice tone="error">{tc("error", { message: describeError(query.error).message })}</Notice>
        ) : (
          <div className={`space-y-4 ${query.isPlaceholderData ? "opacity-60" : ""}`} aria-busy={query.isPlaceholderData || undefined}>
            <div className="grid gap-4 lg:grid-cols-2">
              <CompletionCard completion={data?.completion} running={running} exportBase={exportBase} onQuarter={f.setQuarter} />
              <DistributionCard distribution={data?.distribution} exportBase={exportBase} />
            </div>
            <FlagsCard
              range={{ unitId: f.unitId, from: f.from, to: f.to }}
              counts={data?.flagCounts}
              exportBase={exportBase}
              onQuarter={f.setQuarter}
            />
          </div>
        )}
      </div>
    </ChartExportScopeProvider>
  );
}
