"use client";

import { ChartFrame } from "~/app/_components/charts/chart-frame";
import { chartState } from "~/app/_components/charts/chart-state";
import { useDrill } from "~/app/_components/charts/drill";
import { useNearWindow } from "~/app/_components/charts/near-window";
import { bestWorst, bestWorstData } from "./mappers";
import type { Heatmap } from "./overview-data";
import type { SubunitsState } from "./subunits";
import { useOverviewText } from "./use-labels";
import { loadingBox, useLoaded } from "./use-loaded";

// Below the fold: loaded and drawn when its box comes near the window (issue 16).
const loadBars = () => import("./later-charts").then((m) => m.RankedUnitBars);

const bestColor = "#2b6cb0";
const worstColor = "#9a3412";

/** Top 5 and bottom 5 of the next level down by composite score; each unit drills down. */
export function BestWorstCard(props: {
  heatmap: Heatmap | undefined;
  state: SubunitsState;
  exportBase: string;
  /** The chart's box while it is not drawn (overview-boxes.ts). */
  box: React.CSSProperties;
}) {
  const { t, quarter, loading } = useOverviewText();
  const { toUnit } = useDrill();
  const near = useNearWindow();
  const RankedUnitBars = useLoaded(loadBars, near.seen);
  const q = props.state.quarter;
  const title = t("bestWorst", { quarter: q ? quarter(q) : "—" });
  const lists = bestWorst(props.heatmap?.rows ?? []);
  const data = bestWorstData(lists, {
    unit: t("unit"),
    group: t("group"),
    rank: t("rank"),
    composite: t("composite"),
    best: t("best"),
    worst: t("worst"),
  });
  return (
    <ChartFrame
      testId="best-worst"
      title={title}
      description={t("bestWorstDesc")}
      exportName={`${t("bestWorst", { quarter: q ?? "" })}_${props.exportBase}`}
      data={data}
      state={chartState({ loading: props.state.kind === "loading" && loading, empty: props.state.kind === "empty" && props.state })}
      stateHeight="h-40"
      onRowSelect={(i) => toUnit(Number(data.rows[i]!.unitId))}
    >
      {() =>
        RankedUnitBars ? (
          <RankedUnitBars
            testId="best-worst-chart"
            label={title}
            lists={[
              {
                title: t("best"),
                color: bestColor,
                units: lists.best.map((u) => ({ id: u.id, name: u.name, score: u.composite })),
                emptyText: "—",
              },
              {
                title: t("worst"),
                color: worstColor,
                units: lists.worst.map((u) => ({ id: u.id, name: u.name, score: u.composite })),
                emptyText: t("noneLeft"),
              },
            ]}
            onSelect={toUnit}
            selectLabel={(n) => `${t("clickUnit")}：${n}`}
          />
        ) : (
          <div ref={near.ref} className={loadingBox} style={props.box} />
        )
      }
    </ChartFrame>
  );
}
