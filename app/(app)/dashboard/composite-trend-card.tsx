"use client";

import QuarterLinesChart from "~/app/_components/charts/chart-line-quarters";
import { ChartFrame } from "~/app/_components/charts/chart-frame";
import { chartState } from "~/app/_components/charts/chart-state";
import { useDrill } from "~/app/_components/charts/drill";
import { partyRed } from "~/app/_lib/categories";
import { quarterTickLines } from "~/app/_components/charts/quarter-ticks";
import { compositeTrendData, trendCoverage } from "./mappers";
import type { Overview } from "./overview-data";
import { useOverviewText } from "./use-labels";

/** Composite score per quarter; clicking a quarter narrows the range to it. */
export function CompositeTrendCard({
  overview,
  exportBase,
  emptyText,
}: {
  overview: Overview | undefined;
  exportBase: string;
  emptyText: string;
}) {
  const { t, charts, quarter, partial, locale, loading } = useOverviewText();
  const { toQuarter } = useDrill();
  const title = t("compositeTrend");
  const data = overview
    ? compositeTrendData(
        overview.trend,
        { quarter: t("quarter"), composite: t("composite"), units: t("units"), expected: t("expectedUnits") },
        quarter,
      )
    : undefined;
  const empty = !!overview && overview.trend.every((p) => p.composite === null);
  const select = (i: number) => overview && toQuarter(overview.trend[i]!.quarter);
  const coverage = overview ? trendCoverage(overview.trend, partial) : [];
  const anyPartial = coverage.some((c) => c?.partial);
  return (
    <ChartFrame
      testId="composite-trend"
      title={title}
      description={t("compositeTrendDesc")}
      exportName={`${title}_${exportBase}`}
      data={data}
      state={chartState({ loading: !data && loading, empty: empty && { message: emptyText, hint: t("empty.tryInclude") } })}
      legend={[{ label: t("composite"), color: partyRed }]}
      onRowSelect={select}
      exportNotes={anyPartial ? [charts("partialNote")] : undefined}
      rowSelectLabel={(i) => t("clickQuarter") + (data ? `：${data.rows[i]!.quarter}` : "")}
    >
      {() =>
        data && (
          <>
            <QuarterLinesChart
              testId="composite-trend-chart"
              rows={data.rows}
              xKey="quarter"
              series={[{ key: "composite", name: t("composite"), color: partyRed, width: 2.5 }]}
              onSelect={select}
              ticks={quarterTickLines(
                overview!.trend.map((p) => p.quarter),
                locale,
              )}
              coverage={coverage}
            />
            {anyPartial ? (
              <p className="px-2 text-xs text-neutral-500" data-testid="partial-note">
                {charts("partialNote")}
              </p>
            ) : null}
          </>
        )
      }
    </ChartFrame>
  );
}
