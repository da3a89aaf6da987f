"use client";

import { useTranslations } from "next-intl";
import { ChartFrame } from "~/app/_components/charts/chart-frame";
import type { CaseDashboard } from "~/app/_lib/api-types";
import { CountBarsChart } from "./lazy-charts";
import { rootCauseRows } from "./rows";

/** Cases per root cause (根源), most frequent first. */
export function RootCausesCard({ data }: { data: CaseDashboard }) {
  const t = useTranslations();
  const rows = rootCauseRows(data, t);
  return (
    <ChartFrame
      testId="case-root-causes"
      title={t("caseDashboard.rootCauses.title")}
      description={t("caseDashboard.rootCauses.desc")}
      exportName={t("caseDashboard.export.rootCauses")}
      data={rows.data}
      tableLabel={t("caseDashboard.table")}
    >
      <CountBarsChart data={rows.bars} seriesName={t("caseDashboard.columns.count")} testId="case-root-causes-chart" labelWidth={168} />
    </ChartFrame>
  );
}
