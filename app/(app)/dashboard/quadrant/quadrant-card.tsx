"use client";

import { useLocale, useTranslations } from "next-intl";
import { lazyChart } from "~/app/_components/charts/lazy-chart";
import { ChartFrame } from "~/app/_components/charts/chart-frame";
import { chartState } from "~/app/_components/charts/chart-state";
import { formatScore, partyRed } from "~/app/_lib/categories";
import { formatQuarter } from "~/lib/quarter";
import type { QuadrantLevel } from "./level-param";
import { axisDomain, labelOrder, quadrantChartData, quadrantOf, type QuadrantPoint, type Thresholds } from "./quadrant-data";

const QuadrantScatterChart = lazyChart(
  () => import("~/app/_components/charts/chart-scatter-quadrant"),
  "h-96 animate-pulse rounded bg-neutral-50",
);

export type QuadrantView = {
  quarter: string;
  level: QuadrantLevel;
  points: QuadrantPoint[];
  thresholds: Thresholds;
  flagged: QuadrantPoint[];
};

/** Up to this many dots are named (where a name fits); beyond it the 重业务轻党建 dots carry their number in the list instead. */
const MAX_NAMED = 12;

/** The scatter with its table and exports; `empty` says why there is nothing to draw. */
export function QuadrantCard(props: {
  data: QuadrantView | undefined;
  empty: { message: string; hint?: string } | null;
  exportBase: string;
  onOpen: (p: QuadrantPoint) => void;
}) {
  const t = useTranslations("quadrant");
  const locale = useLocale();
  const { data } = props;
  const quarter = data ? formatQuarter(data.quarter, locale) : "";
  const title = t("chartTitle", { quarter });
  const th =
    data && data.thresholds.business !== null && data.thresholds.party !== null
      ? { business: data.thresholds.business, party: data.thresholds.party }
      : null;
  const chartData = data
    ? quadrantChartData(data.points, data.thresholds, {
        unit: t("unit"),
        business: t("business"),
        party: t("party"),
        gap: t("gap"),
        quadrant: t("quadrantColumn"),
        quadrantName: (q) => t(`quadrants.${q}`),
      })
    : undefined;
  const domain =
    th && data
      ? {
          x: axisDomain([...data.points.map((p) => p.business), th.business]),
          y: axisDomain([...data.points.map((p) => p.party), th.party]),
        }
      : null;
  const flagged = new Set(th && data ? data.points.filter((p) => quadrantOf(p, th) === "highBizLowParty").map((p) => p.id) : []);
  const numbered = !!data && data.points.length > MAX_NAMED;
  const ranks = new Map(data?.flagged.map((p, i) => [p.id, String(i + 1)]));
  const label = (p: QuadrantPoint) => (numbered ? (ranks.get(p.id) ?? "") : p.name);
  // Most important first: the chart places each label in the first free spot, or leaves it out.
  const dots = data ? labelOrder(data.points, flagged).map((p) => ({ ...p, flagged: flagged.has(p.id), label: label(p) })) : [];
  const cutoff =
    th && data ? t(`cutoff.${data.thresholds.mode}`, { business: formatScore(th.business), party: formatScore(th.party) }) : "";
  return (
    <ChartFrame
      testId="quadrant-chart-card"
      title={title}
      description={data?.level === "units" ? t("chartDescUnits") : t("chartDescChildren")}
      exportNotes={cutoff ? [cutoff] : undefined}
      exportName={`${t("exportName")}_${props.exportBase}_${quarter}`}
      data={chartData}
      state={chartState({
        loading: !data && t("loading"),
        empty: (!!props.empty || !th) && { message: props.empty?.message ?? "", hint: props.empty?.hint },
      })}
      stateHeight="h-96"
      legend={[
        { label: t("quadrants.highBizLowParty"), color: partyRed },
        { label: t("otherUnits"), color: "#737373" },
      ]}
      onRowSelect={data ? (i) => props.onOpen(data.points[i]!) : undefined}
      rowSelectLabel={(i) =>
        data?.points[i]?.hasChildren ? t("drillTo", { name: data.points[i].name }) : t("openUnit", { name: data?.points[i]?.name ?? "" })
      }
    >
      {() =>
        data &&
        th && (
          <>
            <QuadrantScatterChart
              testId="quadrant-chart"
              dots={dots}
              thresholds={th}
              domain={domain!}
              labels={{
                x: t("business"),
                y: t("party"),
                quadrants: {
                  highBizLowParty: t("quadrants.highBizLowParty"),
                  highBoth: t("quadrants.highBoth"),
                  lowBoth: t("quadrants.lowBoth"),
                  lowBizHighParty: t("quadrants.lowBizHighParty"),
                },
              }}
              onSelect={(id) => {
                const p = data.points.find((x) => x.id === id);
                if (p) props.onOpen(p);
              }}
            />
            <p className="px-2 text-xs text-neutral-600" data-testid="quadrant-cutoff" title={t(`cutoff.${data.thresholds.mode}Hint`)}>
              <span className="font-medium text-neutral-800">{cutoff}</span>
              <span className="ml-2 text-neutral-500">{t(`cutoff.${data.thresholds.mode}Hint`)}</span>
            </p>
            <p className="px-2 text-xs text-neutral-500">
              {numbered && ranks.size ? <span className="mr-3">{t("numberedHint")}</span> : null}
              {data.points.length > 1 ? t("labelsHint") : null}
            </p>
          </>
        )
      }
    </ChartFrame>
  );
}
