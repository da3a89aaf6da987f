"use client";

import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import dynamic from "next/dynamic";
import Link from "next/link";
import { formatScore } from "~/app/_lib/categories";
import { ChartFrame } from "~/app/_components/charts/chart-frame";
import { describeError } from "~/app/_lib/trpc/errors";
import { useTRPC } from "~/app/_lib/trpc/react";
import { categoryCodes } from "~/db/codes";
import { formatQuarter } from "~/server/lib/quarter";

// recharts is loaded only where a chart is drawn.
const chartLoading = () => <div className="h-72 animate-pulse rounded bg-neutral-100" />;
const CompositeTrendChart = dynamic(() => import("~/app/_components/charts/chart-line-composite-trend"), {
  ssr: false,
  loading: chartLoading,
});
const CategoryScoresChart = dynamic(() => import("~/app/_components/charts/chart-bar-category-scores"), {
  ssr: false,
  loading: chartLoading,
});

export function DashboardClient({ unitId, from, to }: { unitId: number; from: string; to: string }) {
  const t = useTranslations();
  const locale = useLocale();
  const trpc = useTRPC();
  const overview = useQuery(trpc.dashboard.overview.queryOptions({ unitId, from, to }));

  if (overview.error) {
    return (
      <p role="alert" className="rounded border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800">
        {t("common.error", { message: describeError(overview.error).message })}
      </p>
    );
  }
  if (!overview.data) return <p className="text-sm text-neutral-500">{t("common.loading")}</p>;

  const data = overview.data;
  const trend = data.trend.map((p) => ({ label: formatQuarter(p.quarter, locale), composite: p.composite }));
  const latest = data.latest;
  const bars = categoryCodes.map((code) => ({
    code,
    label: t(`categories.${code}`),
    score: latest?.categories[code] ?? null,
  }));
  const hasData = data.trend.some((p) => p.composite !== null);

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-baseline gap-x-4 gap-y-1">
        <h1 className="text-lg font-semibold">{t("dashboard.heading")}</h1>
        <span className="text-sm text-neutral-600">{t("dashboard.subtree", { name: data.unitName })}</span>
        <span className="text-sm text-neutral-600">
          {t("dashboard.range", { from: formatQuarter(data.from, locale), to: formatQuarter(data.to, locale) })}
        </span>
        <span className="text-xs text-neutral-500">{t("dashboard.includesDrafts")}</span>
      </div>
      <div className="flex flex-wrap gap-3" data-testid="case-summary">
        <Link href={`/cases?unit=${data.unitId}`} className="rounded border border-neutral-200 bg-white px-4 py-2 hover:border-neutral-400">
          <span className="block text-xs text-neutral-500">{t("dashboard.openCases")}</span>
          <span className="num text-xl font-semibold">{data.cases.open}</span>
        </Link>
        <Link
          href={`/cases?unit=${data.unitId}&overdue=1`}
          className="rounded border border-neutral-200 bg-white px-4 py-2 hover:border-neutral-400"
        >
          <span className="block text-xs text-neutral-500">{t("dashboard.overdueCases")}</span>
          <span className={`num text-xl font-semibold ${data.cases.overdue > 0 ? "text-amber-800" : ""}`}>{data.cases.overdue}</span>
        </Link>
      </div>
      {!hasData ? (
        <p className="rounded border border-neutral-200 bg-white px-4 py-6 text-center text-sm text-neutral-500">
          {t("dashboard.noData")}
        </p>
      ) : (
        <div className="grid gap-4 lg:grid-cols-2">
          <ChartFrame
            testId="composite-trend"
            title={t("dashboard.compositeTrend")}
            description={t("dashboard.compositeTrendDesc")}
            tableLabel={t("dashboard.table")}
            table={
              <table className="w-full text-sm">
                <thead>
                  <tr className="text-left text-xs text-neutral-500">
                    <th className="py-1 font-normal">{t("common.quarter")}</th>
                    <th className="num font-normal">{t("dashboard.composite")}</th>
                    <th className="num font-normal">{t("dashboard.units")}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.trend.map((p) => (
                    <tr key={p.quarter} className="border-t border-neutral-100">
                      <td className="py-1">{formatQuarter(p.quarter, locale)}</td>
                      <td className="num">{formatScore(p.composite)}</td>
                      <td className="num">{p.unitCount}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            }
          >
            <CompositeTrendChart data={trend} seriesName={t("dashboard.composite")} />
          </ChartFrame>
          <ChartFrame
            testId="category-scores"
            title={t("dashboard.categoriesLatest", { quarter: latest ? formatQuarter(latest.quarter, locale) : "—" })}
            description={t("dashboard.categoriesLatestDesc")}
            tableLabel={t("dashboard.table")}
            table={
              <table className="w-full text-sm">
                <tbody>
                  {bars.map((b) => (
                    <tr key={b.code} className="border-t border-neutral-100">
                      <td className="py-1">{b.label}</td>
                      <td className="num">{formatScore(b.score)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            }
          >
            <CategoryScoresChart data={bars} seriesName={t("common.score")} />
          </ChartFrame>
        </div>
      )}
    </div>
  );
}
