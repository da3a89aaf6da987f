"use client";

import { useTranslations } from "next-intl";
import { ChartFrame } from "~/app/_components/charts/chart-frame";
import { chartState } from "~/app/_components/charts/chart-state";
import { lazyChart } from "~/app/_components/charts/lazy-chart";
import { partyRed } from "~/app/_lib/categories";
import type { Grade } from "~/lib/codes";
import { bandMove, percent, slopeChartData, type SimulatedRow } from "./slope-data";

const SlopeRanksChart = lazyChart(
  () => import("~/app/_components/charts/chart-line-slope-ranks"),
  "h-96 animate-pulse rounded bg-neutral-50",
);

/** Band up: green; band down: 党建红 (the legend says which is which, and the list beside names them). */
export const moveColors = { up: "#15803D", down: partyRed } as const;

/** The slope chart of ranks, adopted weight → chosen weight; exports its rows (PNG, CSV, Excel). */
export function SlopeCard(props: {
  rows: SimulatedRow[] | undefined;
  now: number | undefined;
  at: number | undefined;
  year: number;
  unitName: string;
}) {
  const t = useTranslations("assessmentSimulator");
  const tg = useTranslations("grades");
  const grade = (g: Grade) => tg(g);
  const { rows, now, at } = props;
  const ready = rows && now !== undefined && at !== undefined;
  const columns = ready ? { from: t("columnNow", { value: percent(now) }), to: t("columnAt", { value: percent(at) }) } : null;
  const data = rows
    ? slopeChartData(rows, {
        unit: t("table.unit"),
        business: t("table.business"),
        party: t("table.party"),
        combinedNow: t("table.combinedNow"),
        rankNow: t("table.rankNow"),
        bandNow: t("table.bandNow"),
        combinedAt: t("table.combinedAt"),
        rankAt: t("table.rankAt"),
        bandAt: t("table.bandAt"),
        quadrant: t("table.quadrant"),
        grade,
        yes: t("table.yes"),
      })
    : undefined;
  return (
    <ChartFrame
      testId="simulator-slope-card"
      title={t("slopeTitle")}
      description={t("slopeDesc")}
      exportName={`${t("exportName")}_${props.unitName}_${props.year}_${at === undefined ? "" : percent(at)}%`}
      exportNotes={columns ? [`${columns.from} → ${columns.to}`] : undefined}
      data={data}
      legend={[
        { label: t("legendUp"), color: moveColors.up },
        { label: t("legendDown"), color: moveColors.down },
        { label: t("legendSame"), color: "#d4d4d4" },
      ]}
      state={chartState({ loading: !ready && t("loading"), empty: rows?.length === 0 && { message: t("empty"), hint: t("emptyHint") } })}
      stateHeight="h-96"
    >
      {() =>
        rows &&
        columns && (
          <SlopeRanksChart
            testId="simulator-slope"
            rankLabel={t("rank")}
            columns={columns}
            lines={rows.map((r) => {
              const move = bandMove(r);
              return { id: r.unitId, name: r.name, from: r.rankNow, to: r.rankAt, color: move === "same" ? null : moveColors[move] };
            })}
          />
        )
      }
    </ChartFrame>
  );
}
