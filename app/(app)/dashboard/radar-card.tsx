"use client";

import { useState } from "react";
import { cn } from "~/app/_lib/cn";
import { ChartFrame } from "~/app/_components/charts/chart-frame";
import { chartState } from "~/app/_components/charts/chart-state";
import { partyRed } from "~/app/_lib/categories";
import { categoryCodes, type CategoryCode } from "~/lib/category-codes";
import { radarData } from "./mappers";
import type { Overview } from "./overview-data";
import { useOverviewText } from "./use-labels";
import { loadingBox, useLoaded } from "./use-loaded";

// The radar is plain SVG, loaded once the page has hydrated (it starts at the fold; its box keeps the height
// meanwhile, and it is drawn after hydration anyway, once its box is measured); the bars view is recharts,
// loaded when the leader switches to it.
const loadRadar = () => import("./later-charts").then((m) => m.CategoryRadarChart);
const loadBars = () => import("~/app/_components/charts/chart-bar-compare-categories").then((m) => m.default);
const previousColor = "#737373";
const views = ["radar", "bars"] as const;

/**
 * The six categories of the latest quarter with data against the quarter before. A radar
 * compares categories with each other, so it keeps all six; a chosen category is emphasised.
 */
export function RadarCard(props: { overview: Overview | undefined; category: CategoryCode | null; exportBase: string; emptyText: string }) {
  const { t, quarter, category: name, loading } = useOverviewText();
  const [view, setView] = useState<(typeof views)[number]>("radar");
  const CategoryRadarChart = useLoaded(loadRadar);
  const CategoryCompareBars = useLoaded(loadBars, view === "bars");
  const latest = props.overview?.latest ?? null;
  const previous = usePreviousQuarter(props.overview);
  const title = t("radar", { quarter: latest ? quarter(latest.quarter) : "—" });
  const data = props.overview
    ? radarData(latest, previous, [...categoryCodes], { category: t("category"), categoryName: name }, quarter)
    : undefined;
  const series = [
    ...(latest ? [{ key: "current", name: quarter(latest.quarter), color: partyRed }] : []),
    ...(previous ? [{ key: "previous", name: quarter(previous.quarter), color: previousColor, dashed: true }] : []),
  ];
  const notes = [previous || !latest ? null : t("noPrevious"), props.category ? t("radarFiltered") : null].filter(Boolean);
  return (
    <ChartFrame
      testId="category-radar"
      title={title}
      description={t("radarDesc")}
      exportName={`${t("radar", { quarter: latest?.quarter ?? "" })}_${props.exportBase}`}
      data={data}
      state={chartState({ loading: !data && loading, empty: !latest && { message: props.emptyText, hint: t("empty.tryInclude") } })}
      legend={series.map((s) => ({ label: s.name, color: s.color }))}
    >
      {() =>
        data && (
          <>
            <div role="group" aria-label={t("radarView")} className="mb-1 flex justify-end gap-1 px-2" data-export="skip">
              {views.map((v) => (
                <button
                  key={v}
                  type="button"
                  aria-pressed={view === v}
                  onClick={() => setView(v)}
                  className={cn(
                    "rounded border px-2 py-0.5 text-xs",
                    view === v ? "border-party bg-party text-white" : "border-neutral-300 bg-white text-neutral-700 hover:bg-neutral-50",
                  )}
                >
                  {t(`radarViews.${v}`)}
                </button>
              ))}
            </div>
            {view === "radar" ? (
              CategoryRadarChart ? (
                <CategoryRadarChart
                  testId="category-radar-chart"
                  rows={data.rows}
                  axisKey="category"
                  series={series}
                  emphasis={props.category ? name(props.category) : null}
                />
              ) : (
                <div className={`h-[22rem] ${loadingBox}`} />
              )
            ) : CategoryCompareBars ? (
              <CategoryCompareBars testId="category-compare-bars" rows={data.rows} axisKey="category" series={series} />
            ) : (
              <div className={`h-72 ${loadingBox}`} />
            )}
            {notes.map((n) => (
              <p key={n} className="px-2 text-xs text-neutral-500">
                {n}
              </p>
            ))}
          </>
        )
      }
    </ChartFrame>
  );
}

/** The quarter before the latest one (the overview reads it even when it lies before the range). */
function usePreviousQuarter(overview: Overview | undefined) {
  const previous = overview?.previous ?? null;
  return previous && previous.composite !== null ? previous : null;
}
