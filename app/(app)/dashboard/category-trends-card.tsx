"use client";

import QuarterLinesChart from "~/app/_components/charts/chart-line-quarters";
import { ChartFrame } from "~/app/_components/charts/chart-frame";
import { chartState } from "~/app/_components/charts/chart-state";
import { useDrill } from "~/app/_components/charts/drill";
import { categoryColors } from "~/app/_lib/categories";
import type { CategoryCode } from "~/lib/codes";
import { quarterTickLines } from "~/app/_components/charts/quarter-ticks";
import { categoryTrendData, shownCategories, trendCoverage } from "./mappers";
import type { Overview } from "./overview-data";
import { useOverviewText } from "./use-labels";

/** One line per category (its own colour, labelled in the legend); only the filtered category when one is chosen. */
export function CategoryTrendsCard(props: {
  overview: Overview | undefined;
  category: CategoryCode | null;
  exportBase: string;
  emptyText: string;
}) {
  const { t, charts, quarter, category: name, partial, locale, loading } = useOverviewText();
  const { toQuarter } = useDrill();
  const shown = shownCategories(props.category);
  const title = props.category ? t("categoryTrendsOne", { category: name(props.category) }) : t("categoryTrends");
  const data = props.overview
    ? categoryTrendData(props.overview.trend, shown, { quarter: t("quarter"), category: name }, quarter)
    : undefined;
  const empty = !!data && data.rows.every((r) => shown.every((c) => r[c] === null));
  const anyReport = !!props.overview && props.overview.trend.some((p) => p.composite !== null);
  const select = (i: number) => props.overview && toQuarter(props.overview.trend[i]!.quarter);
  // Hollow points where only some units counted; the count itself is written on the composite chart.
  const coverage = props.overview ? trendCoverage(props.overview.trend, partial).map((c) => c && { ...c, label: "" }) : [];
  const anyPartial = coverage.some((c) => c?.partial);
  return (
    <ChartFrame
      testId="category-trends"
      title={title}
      description={t("categoryTrendsDesc")}
      exportName={`${title}_${props.exportBase}`}
      data={data}
      state={chartState({
        loading: !data && loading,
        empty: empty && { message: anyReport ? t("empty.categoryNoData") : props.emptyText, hint: t("empty.tryInclude") },
      })}
      legend={shown.map((c) => ({ label: name(c), color: categoryColors[c] }))}
      onRowSelect={select}
      exportNotes={anyPartial ? [charts("partialNote")] : undefined}
    >
      {() =>
        data && (
          <>
            <QuarterLinesChart
              testId="category-trends-chart"
              rows={data.rows}
              xKey="quarter"
              series={shown.map((c) => ({ key: c, name: name(c), color: categoryColors[c] }))}
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
