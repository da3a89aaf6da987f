import { getLocale, getTranslations } from "next-intl/server";
import { chartState } from "~/app/_components/charts/chart-state";
import { formatScore, partyRed } from "~/app/_lib/categories";
import type { QuadrantData } from "~/app/_lib/api-types";
import { formatQuarter } from "~/lib/quarter";
import { QuadrantChartCard, type QuadrantPlot } from "./quadrant-chart";
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
} from "./quadrant-data";

/** Up to this many dots are named (where a name fits); beyond it the 重业务轻党建 dots carry their number in the list instead. */
const MAX_NAMED = 12;

/**
 * The scatter with its table and exports, worked out on the server from `dashboard.quadrant`:
 * the browser gets the dots, cells, legend and rows to draw, and the notes under the chart as
 * HTML. `empty` says why there is nothing to draw.
 */
export async function QuadrantCard(props: { data: QuadrantData; empty: { message: string; hint?: string } | null; exportBase: string }) {
  const [t, td, locale] = await Promise.all([getTranslations("quadrant"), getTranslations("quadrantDensity"), getLocale()]);
  const { data } = props;
  const grid = data.binned ?? null;
  const quarter = formatQuarter(data.quarter, locale);
  const th =
    data.thresholds.business !== null && data.thresholds.party !== null
      ? { business: data.thresholds.business, party: data.thresholds.party }
      : null;
  const chartData = grid
    ? binChartData(grid.bins, grid.cell, { business: td("businessRange"), party: td("partyRange"), count: td("count") })
    : quadrantChartData(data.points, data.thresholds, {
        unit: t("unit"),
        business: t("business"),
        party: t("party"),
        gap: t("gap"),
        quadrant: t("quadrantColumn"),
        quadrantName: (q) => t(`quadrants.${q}`),
      });
  // Binned: the grid's lower edges stand for its units, and the dots are the flagged units listed.
  const drawn: QuadrantPoint[] = grid ? data.flagged : data.points;
  const flagged = new Set(th ? drawn.filter((p) => quadrantOf(p, th) === "highBizLowParty").map((p) => p.id) : []);
  const numbered = (grid ? drawn.length : data.points.length) > MAX_NAMED;
  const ranks = new Map(data.flagged.map((p, i) => [p.id, String(i + 1)]));
  const label = (p: QuadrantPoint) => (numbered ? (ranks.get(p.id) ?? "") : p.name);
  const classes = grid ? densityClasses(Math.max(0, ...grid.bins.map((b) => b.count))) : [];
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
  const cutoff = th ? t(`cutoff.${data.thresholds.mode}`, { business: formatScore(th.business), party: formatScore(th.party) }) : "";
  const state = chartState({
    loading: false,
    empty: (!!props.empty || !th) && { message: props.empty?.message ?? "", hint: props.empty?.hint },
  });

  const plot: QuadrantPlot | null =
    th && state.kind === "ready"
      ? {
          // Most important first: the chart places each label in the first free spot, or leaves it out.
          dots: labelOrder(drawn, flagged).map((p) => ({ ...p, flagged: flagged.has(p.id), label: label(p) })),
          thresholds: th,
          domain: {
            x: axisDomain([...drawn.map((p) => p.business), ...(grid?.bins.map((b) => b.business) ?? []), th.business]),
            y: axisDomain([...drawn.map((p) => p.party), ...(grid?.bins.map((b) => b.party) ?? []), th.party]),
          },
          labels: {
            x: t("business"),
            y: t("party"),
            quadrants: {
              highBizLowParty: t("quadrants.highBizLowParty"),
              highBoth: t("quadrants.highBoth"),
              lowBoth: t("quadrants.lowBoth"),
              lowBizHighParty: t("quadrants.lowBizHighParty"),
            },
          },
          cells: grid?.bins.map((b) => ({
            ...b,
            cell: grid.cell,
            color: densityColor(b.count, classes),
            title: td("cellTitle", { business: cellRange(b.business, grid.cell), party: cellRange(b.party, grid.cell), count: b.count }),
          })),
        }
      : null;
  const rows = grid
    ? null
    : data.points.map((p) => ({
        id: p.id,
        hasChildren: p.hasChildren,
        label: p.hasChildren ? t("drillTo", { name: p.name }) : t("openUnit", { name: p.name }),
      }));

  return (
    <QuadrantChartCard
      frame={{
        title: t("chartTitle", { quarter }),
        description: grid ? td("chartDesc") : data.level === "units" ? t("chartDescUnits") : t("chartDescChildren"),
        exportName: `${t("exportName")}_${props.exportBase}_${quarter}`,
        exportNotes: cutoff ? [cutoff] : undefined,
        data: chartData,
        legend,
        tableLabel: grid ? td("tableLabel") : undefined,
        state,
      }}
      plot={plot}
      rows={rows}
    >
      {plot ? (
        <>
          {grid ? (
            <p className="px-2 text-xs text-neutral-700" data-testid="quadrant-binned-caption">
              {td("caption", { total: data.total ?? 0, cell: grid.cell, shown: data.flagged.length, flaggedTotal: data.flaggedTotal ?? 0 })}
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
      ) : null}
    </QuadrantChartCard>
  );
}
