"use client";

import { useTranslations } from "next-intl";
import HistogramChart from "~/app/_components/charts/chart-bar-histogram";
import { ChartFrame } from "~/app/_components/charts/chart-frame";
import { chartState } from "~/app/_components/charts/chart-state";
import { distributionData } from "./meeting-quality-data";

const barColor = "#525252";

/** How many meetings scored in each band of ten points. */
export function DistributionCard(props: { distribution: { bucket: string; count: number }[] | undefined; exportBase: string }) {
  const t = useTranslations("meetingQuality");
  const title = t("distributionTitle");
  const data = props.distribution ? distributionData(props.distribution, { bucket: t("bucket"), count: t("count") }) : undefined;
  const total = props.distribution?.reduce((n, b) => n + b.count, 0) ?? 0;
  return (
    <ChartFrame
      testId="meeting-distribution"
      title={title}
      description={props.distribution ? t("distributionDescCount", { count: total }) : t("distributionDesc")}
      exportName={`${t("exportDistribution")}_${props.exportBase}`}
      data={data}
      state={chartState({ loading: !data && t("loading"), empty: total === 0 && { message: t("distributionEmpty") } })}
      legend={[{ label: t("count"), color: barColor }]}
    >
      {() =>
        data && (
          <HistogramChart
            testId="meeting-distribution-chart"
            rows={data.rows}
            xKey="bucket"
            yKey="count"
            seriesName={t("count")}
            color={barColor}
            xLabel={t("bucket")}
          />
        )
      }
    </ChartFrame>
  );
}
