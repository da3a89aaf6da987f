"use client";

import { useTranslations } from "next-intl";
import { ChartFrame } from "~/app/_components/charts/chart-frame";
import { chartState } from "~/app/_components/charts/chart-state";
import { lazyChart } from "~/app/_components/charts/lazy-chart";
import type { RouterOutputs } from "~/app/_lib/trpc/types";
import { grades } from "~/lib/codes";
import { distributionChartData } from "./dashboard-data";
import { gradeColors } from "./grade-colors";

const GradeQuotaBarsChart = lazyChart(
  () => import("~/app/_components/charts/chart-bar-grades-quota"),
  "h-64 animate-pulse rounded bg-neutral-50",
);

type Distribution = RouterOutputs["assessment"]["gradeDistribution"];

/** 等次分布: the subtree's units per grade against its share of the 好 quota; its table (and files) per unit one level down too. */
export function DistributionCard({ data, error }: { data: Distribution | undefined; error: string | null }) {
  const t = useTranslations("assessmentDashboard");
  const tg = useTranslations("grades");
  const grade = (g: (typeof grades)[number]) => tg(g);
  const total = data?.total ?? null;
  const rows = total && data ? [{ name: t("wholeSubtree", { name: data.unitName }), ...total }, ...data.children] : [];
  const chartData = data
    ? distributionChartData(rows, { unit: t("unit"), n: t("graded"), grade, allowedGood: t("allowedGood") })
    : undefined;
  const over = total ? total.counts.good > total.allowedGood : false;
  return (
    <ChartFrame
      testId="assessment-distribution"
      title={t("distributionTitle", { year: data?.year ?? "" })}
      description={t("distributionDesc", { quota: Math.round((data?.quotas.good ?? 0) * 100) })}
      exportName={`${t("distributionExport")}_${data?.unitName ?? ""}_${data?.year ?? ""}`}
      data={chartData}
      legend={grades.map((g) => ({ label: grade(g), color: gradeColors[g] }))}
      state={chartState({
        loading: error ? false : !data && t("loading"),
        empty: error ? { message: error } : data && !data.frozen ? { message: t("rating") } : total?.n === 0 && { message: t("noGrades") },
      })}
      stateHeight="h-64"
    >
      {() =>
        total && (
          <>
            <GradeQuotaBarsChart
              testId="assessment-distribution-chart"
              bars={grades.map((g) => ({ label: grade(g), count: total.counts[g], color: gradeColors[g] }))}
              quota={total.allowedGood}
              quotaLabel={t("quotaLine", { count: total.allowedGood })}
              seriesName={t("units")}
            />
            <p className={`px-2 text-xs ${over ? "text-party" : "text-neutral-600"}`} data-testid="assessment-quota-share">
              {t("quotaShare", { good: total.counts.good, allowed: total.allowedGood, n: total.n })}
            </p>
          </>
        )
      }
    </ChartFrame>
  );
}
