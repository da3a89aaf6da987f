"use client";

import { useLocale, useTranslations } from "next-intl";
import QuadrantScatterChart from "~/app/_components/charts/chart-scatter-quadrant";
import { ChartFrame } from "~/app/_components/charts/chart-frame";
import { chartState } from "~/app/_components/charts/chart-state";
import { formatScore, partyRed } from "~/app/_lib/categories";
import { formatQuarter } from "~/lib/quarter";
import type { QuadrantLevel } from "./level-param";
import {
  axisDomain,
  binChartData,
  cellRange,
  densityClasses,
  densityColor,
  labelOrder,
  quadrantChartData,
  quadrantOf,
  type QuadrantPoint,
  type Thresholds,
} from "./quadrant-data";
import type { QuadrantData } from "~/app/_lib/api-types";

export type QuadrantView = {
  quarter: string;
  level: QuadrantLevel;
  points: QuadrantPoint[];
  thresholds: Thresholds;
  flagged: QuadrantPoint[];
} & Partial<Pick<QuadrantData, "binned" | "total" | "flaggedTotal">>;

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
  const td = useTranslations("quadrantDensity");
  const locale = useLocale();
  const { data } = props;
  const grid = data?.binned ?? null;
  const quarter = data ? formatQuarter(data.quarter, locale) : "";
  const title = t("chartTitle", { quarter });
  const th =
    data && data.thresholds.business !== null && data.thresholds.party !== null
      ? { business: data.thresholds.business, party: data.thresholds.party }
      : null;
  const chartData = grid
    ? binChartData(grid.bins, grid.cell, { business: td("businessRange"), party: td("partyRange"), count: td("count") })
    : data
      ? quadrantChartData(data.points, data.thresholds, {
          unit: t("unit"),
          business: t("business"),
          party: t("party"),
          gap: t("gap"),
          quadrant: t("quadrantColumn"),
          quadrantName: (q) => t(`quadrants.${q}`),
        })
      : undefined;
  // Binned: the grid's lower edges stand for its units, and the dots are the flagged units listed.
  const drawn = grid ? data!.flagged : (data?.points ?? []);
  const domain =
    th && data
      ? {
          x: axisDomain([...drawn.map((p) => p.business), ...(grid?.bins.map((b) => b.business) ?? []), th.business]),
          y: axisDomain([...drawn.map((p) => p.party), ...(grid?.bins.map((b) => b.party) ?? []), th.party]),
        }
      : null;
  const flagged = new Set(th ? drawn.filter((p) => quadrantOf(p, th) === "highBizLowParty").map((p) => p.id) : []);
  const numbered = !!data && (grid ? drawn.length : data.points.length) > MAX_NAMED;
  const ranks = new Map(data?.flagged.map((p, i) => [p.id, String(i + 1)]));
  const label = (p: QuadrantPoint) => (numbered ? (ranks.get(p.id) ?? "") : p.name);
  // Most important first: the chart places each label in the first free spot, or leaves it out.
  const dots = data ? labelOrder(drawn, flagged).map((p) => ({ ...p, flagged: flagged.has(p.id), label: label(p) })) : [];
  const classes = grid ? densityClasses(Math.max(0, ...grid.bins.map((b) => b.count))) : [];
  const cells = grid?.bins.map((b) => ({
    ...b,
    cell: grid.cell,
    color: densityColor(b.count, classes),
    title: td("cellTitle", { business: cellRange(b.business, grid.cell), party: cellRange(b.party, grid.cell), count: b.count }),
  }));
  const legend = grid
    ? [
        ...classes.map((c) => ({
          label: c.from === c.to ? td("legendOne", { count: c.to }) : td("legendCell", { from: c.from, to: c.to }),
          color: c.color,
        })),
        { label: td("legendFlagged"), color: partyRed },
      ]
    : [
        { label: t("quadrants.highBizLowParty"), color: partyRed },
        { label: t("otherUnits"), color: "#737373" },
      ];
  const cutoff =
    th && data ? t(`cutoff.${data.thresholds.mode}`, { business: formatScore(th.business), party: formatScore(th.party) }) : "";
  return (
    <ChartFrame
      testId="quadrant-chart-card"
      title={title}
      description={grid ? td("chartDesc") : data?.level === "units" ? t("chartDescUnits") : t("chartDescChildren")}
      exportNotes={cutoff ? [cutoff] : undefined}
      exportName={`${t("exportName")}_${props.exportBase}_${quarter}`}
      data={chartData}
      state={chartState({
        loading: !data && t("loading"),
        empty: (!!props.empty || !th) && { message: props.empty?.message ?? "", hint: props.empty?.hint },
      })}
      stateHeight="h-96"
      legend={legend}
      tableLabel={grid ? td("tableLabel") : undefined}
      onRowSelect={data && !grid ? (i) => props.onOpen(data.points[i]!) : undefined}
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
              cells={cells}
              onSelect={(id) => {
                const p = drawn.find((x) => x.id === id);
                if (p) props.onOpen(p);
              }}
            />
            {grid ? (
              <p className="px-2 text-xs text-neutral-700" data-testid="quadrant-binned-caption">
                {td("caption", {
                  total: data.total ?? 0,
                  cell: grid.cell,
                  shown: data.flagged.length,
                  flaggedTotal: data.flaggedTotal ?? 0,
                })}
              </p>
            ) : null}
            <p className="px-2 text-xs text-neutral-600" data-testid="quadrant-cutoff" title={t(`cutoff.${data.thresholds.mode}Hint`)}>
              <span className="font-medium text-neutral-800">{cutoff}</span>
              <span className="ml-2 text-neutral-500">{t(`cutoff.${data.thresholds.mode}Hint`)}</span>
            </p>
            <p className="px-2 text-xs text-neutral-500">
              {numbered && ranks.size ? <span className="mr-3">{t("numberedHint")}</span> : null}
              {!grid && data.points.length > 1 ? t("labelsHint") : null}
            </p>
          </>
        )
      }
    </ChartFrame>
  );
}
