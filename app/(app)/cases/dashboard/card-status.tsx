"use client";

import { useTranslations } from "next-intl";
import { ChartFrame } from "~/app/_components/charts/chart-frame";
import type { CaseDashboard } from "~/app/_lib/api-types";
import { statusColors } from "./colors";
import { CountBarsChart } from "./lazy-charts";
import { statusRows } from "./rows";

/** Open vs closed, with the open ones split by where they stand in the 问责 flow. */
export function StatusCard({ data }: { data: CaseDashboard }) {
  const t = useTranslations();
  const rows = statusRows(data, t);
  return (
    <ChartFrame
      testId="case-status"
      title={t("caseDashboard.status.title", { open: data.status.open, closed: data.status.closed })}
      description={t("caseDashboard.status.desc")}
      exportName={t("caseDashboard.export.status")}
      data={rows.data}
      legend={[
        { label: t("caseDashboard.columns.open"), color: statusColors.rectifying },
        { label: t("caseDashboard.columns.closed"), color: statusColors.closed },
      ]}
      tableLabel={t("caseDashboard.table")}
    >
      <CountBarsChart data={rows.bars} seriesName={t("caseDashboard.columns.count")} testId="case-status-chart" labelWidth={112} />
    </ChartFrame>
  );
}
