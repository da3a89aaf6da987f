"use client";

import { useLocale, useTranslations } from "next-intl";
import QuarterLinesChart from "~/app/_components/charts/chart-line-quarters";
import { ChartFrame } from "~/app/_components/charts/chart-frame";
import { chartState } from "~/app/_components/charts/chart-state";
import { useDrill } from "~/app/_components/charts/drill";
import { partyRed } from "~/app/_lib/categories";
import { formatQuarter } from "~/lib/quarter";
import type { Overview } from "../../dashboard/overview-data";
import { quarterTickLines } from "~/app/_components/charts/quarter-ticks";
import { trendCoverage } from "../../dashboard/mappers";
import { unitTrendData } from "./unit-data";

const businessGrey = "#737373";

/** Party-building composite against the business score per quarter; clicking a quarter narrows the range to it. */
export function UnitTrendCard(props: { overview: Overview | undefined; exportBase: string; emptyText: string; hint?: string }) {
  const t = useTranslations("unitPage");
  const charts = useTranslations("charts");
  const locale = useLocale();
  const { toQuarter } = useDrill();
  const title = t("trendTitle");
  const data = props.overview
    ? unitTrendData(props.overview.trend, { quarter: t("quarter"), composite: t("composite"), business: t("business") }, (q) =>
        formatQuarter(q, locale),
      )
    : undefined;
  const empty = !!props.overview && props.overview.trend.every((p) => p.composite === null && p.business === null);
  const select = (i: number) => props.overview && toQuarter(props.overview.trend[i]!.quarter);
  const coverage = props.overview
    ? trendCoverage(props.overview.trend, (counted, expected) => charts("partialLabel", { counted, expected }))
    : [];
  const anyPartial = coverage.some((c) => c?.partial);
  return (
    <ChartFrame
      testId="unit-trend"
      title={title}
      description={t("trendDesc")}
      exportName={`${t("exportTrend")}_${props.exportBase}`}
      data={data}
      state={chartState({ loading: !data && charts("loading"), empty: empty && { message: props.emptyText, hint: props.hint } })}
      legend={[
        { label: t("composite"), color: partyRed },
        { label: t("business"), color: businessGrey },
      ]}
      onRowSelect={select}
      exportNotes={anyPartial ? [charts("partialNote")] : undefined}
    >
      {() =>
        data && (
          <>
            <QuarterLinesChart
              testId="unit-trend-chart"
              rows={data.rows}
              xKey="quarter"
              series={[
                { key: "composite", name: t("composite"), color: partyRed, width: 2.5 },
                { key: "business", name: t("business"), color: businessGrey },
              ]}
              onSelect={select}
              ticks={quarterTickLines(
                props.overview!.trend.map((p) => p.quarter),
                locale,
              )}
              coverage={coverage}
            />
            {anyPartial ? <p className="px-2 text-xs text-neutral-500">{charts("partialNote")}</p> : null}
          </>
        )
      }
    </ChartFrame>
  );
}
