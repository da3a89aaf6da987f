"use client";

import { DashboardTabs } from "~/app/(app)/dashboard/dashboard-tabs";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { useDashboardFilters } from "~/app/_components/charts/use-dashboard-filters";
import { ChartExportScopeProvider, useExportScope } from "~/app/_components/charts/export-meta";
import { Notice } from "~/app/_components/ui/notice";
import { describeError } from "~/app/_lib/trpc/errors";
import { useTRPC } from "~/app/_lib/trpc/react";
import { formatQuarter } from "~/lib/quarter";
import { OverdueCard } from "./card-overdue";
import { RepeatedUnitsCard } from "./card-repeated";
import { RootCausesCard } from "./card-root-causes";
import { StatusCard } from "./card-status";
import { caseDashboardInput } from "./defaults";
import { CaseFigures } from "./figures";
import { CaseDashboardFilters } from "./filters";
import { QuarterStackCard } from "./quarter-stack-card";
import { byCategoryRows, byFormRows } from "./rows";
import { casesHref } from "../params";

/** 问责统计: cases of a subtree and quarter range by category, form, status and root cause; overdue items; repeated units. */
export function CaseDashboardClient() {
  const t = useTranslations();
  const locale = useLocale();
  const trpc = useTRPC();
  const f = useDashboardFilters();
  const query = useQuery({ ...trpc.case.dashboard.queryOptions(caseDashboardInput(f)), placeholderData: keepPreviousData });
  const data = query.data;
  const exportScope = useExportScope(data?.unitName, data?.from ?? f.from, data?.to ?? f.to, !!data?.ownUnitOnly);

  return (
    <ChartExportScopeProvider value={exportScope}>
      <div className="space-y-4">
        <DashboardTabs />
        <div className="flex flex-wrap items-baseline gap-x-4 gap-y-1">
          <h1 className="text-lg font-semibold">{t("caseDashboard.heading")}</h1>
          {data ? (
            <>
              <span className="text-sm text-neutral-600">
                {t("caseDashboard.scope", { name: data.unitName, below: data.ownUnitOnly ? "" : t("caseDashboard.scopeBelow") })}
              </span>
              <span className="text-sm text-neutral-600">
                {t("caseDashboard.range", { from: formatQuarter(data.from, locale), to: formatQuarter(data.to, locale) })}
              </span>
            </>
          ) : null}
          <Link href={casesHref({ unitId: f.unitId })} className="ml-auto text-sm text-party hover:underline">
            {t("caseDashboard.toList")}
          </Link>
        </div>
        <CaseDashboardFilters f={f} />
        {query.error ? (
          <Notice tone="error">{t("common.error", { message: describeError(query.error).message })}</Notice>
        ) : !data ? (
          <p className="text-sm text-neutral-500">{t("caseDashboard.loading")}</p>
        ) : data.total === 0 ? (
          <p
            className="rounded border border-neutral-200 bg-white px-4 py-6 text-center text-sm text-neutral-500"
            data-testid="case-dashboard-empty"
          >
            {t("caseDashboard.empty")}
          </p>
        ) : (
          <div className={`space-y-4 ${query.isPlaceholderData ? "opacity-60" : ""}`} aria-busy={query.isPlaceholderData || undefined}>
            <CaseFigures data={data} />
            <div className="grid gap-4 lg:grid-cols-2">
              <QuarterStackCard
                testId="cases-by-category"
                title={t("caseDashboard.byCategory.title")}
                description={t("caseDashboard.byCategory.desc")}
                exportName={t("caseDashboard.export.byCategory")}
                stack={byCategoryRows(data, t, locale)}
                onQuarter={f.setQuarter}
              />
              <QuarterStackCard
                testId="cases-by-form"
                title={t("caseDashboard.byForm.title")}
                description={t("caseDashboard.byForm.desc")}
                exportName={t("caseDashboard.export.byForm")}
                stack={byFormRows(data, t, locale)}
                onQuarter={f.setQuarter}
              />
              <StatusCard data={data} />
              <RootCausesCard data={data} />
            </div>
            <OverdueCard overdue={data.overdue} />
            <RepeatedUnitsCard units={data.repeatedUnits} rootId={data.unitId} onDrill={f.setUnit} />
          </div>
        )}
      </div>
    </ChartExportScopeProvider>
  );
}
