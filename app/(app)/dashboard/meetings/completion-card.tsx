"use client";

import { useLocale, useTranslations } from "next-intl";
import QuarterLinesChart from "~/app/_components/charts/chart-line-quarters";
import { ChartFrame } from "~/app/_components/charts/chart-frame";
import { chartState } from "~/app/_components/charts/chart-state";
import { threeMeetingsOneLecture } from "~/lib/codes";
import { formatQuarter } from "~/lib/quarter";
import { quarterTickLines } from "~/app/_components/charts/quarter-ticks";
import { useDashboardFilters } from "~/app/_components/charts/use-dashboard-filters";
import { completionByQuarter, completionData, meetingTypeColors, meetingTypeDashes, type CompletionPoint } from "./meeting-quality-data";

/** 三会一课 completion per quarter, one labelled line per type; clicking a quarter narrows the range to it. */
export function CompletionCard(props: {
  completion: CompletionPoint[] | undefined;
  /** The quarter under way: its meetings are still being held, so its rate is drawn hollow and said so. */
  running: string;
  exportBase: string;
}) {
  const { setQuarter } = useDashboardFilters();
  const t = useTranslations("meetingQuality");
  const tm = useTranslations("meetings.types");
  const locale = useLocale();
  const quarter = (q: string) => formatQuarter(q, locale);
  const title = t("completionTitle");
  const points = props.completion;
  const data = points
    ? completionData(
        points,
        { quarter: t("quarter"), type: t("type"), held: t("held"), required: t("required"), rate: t("rate"), typeName: (x) => tm(x) },
        quarter,
      )
    : undefined;
  const pivot = points ? completionByQuarter(points, quarter) : undefined;
  const empty = !!points && points.every((p) => p.required === 0);
  const coverage = pivot?.quarters.map((q) => (q === props.running ? { partial: true, label: t("runningQuarter") } : null)) ?? [];
  const runningShown = coverage.some((c) => c?.partial);
  const series = threeMeetingsOneLecture.map((type) => ({
    key: type,
    name: tm(type),
    color: meetingTypeColors[type]!,
    dash: meetingTypeDashes[type],
  }));
  return (
    <ChartFrame
      testId="meeting-completion"
      title={title}
      description={t("completionDesc")}
      exportName={`${t("exportCompletion")}_${props.exportBase}`}
      data={data}
      state={chartState({ loading: !pivot && t("loading"), empty: empty && { message: t("completionEmpty") } })}
      legend={series.map((s) => ({ label: s.name, color: s.color, dash: s.dash }))}
      onRowSelect={points ? (i) => setQuarter(points[i]!.quarter) : undefined}
      exportNotes={runningShown ? [t("runningNote")] : undefined}
    >
      {() =>
        pivot && (
          <>
            <QuarterLinesChart
              testId="meeting-completion-chart"
              rows={pivot.rows}
              xKey="quarter"
              series={series}
              onSelect={(i) => setQuarter(pivot.quarters[i]!)}
              ticks={quarterTickLines(pivot.quarters, locale)}
              coverage={coverage}
            />
            {runningShown ? (
              <p className="px-2 text-xs text-neutral-500" data-testid="running-note">
                {t("runningNote")}
              </p>
            ) : null}
          </>
        )
      }
    </ChartFrame>
  );
}
