"use client";

import { ChartFrame } from "~/app/_components/charts/chart-frame";
import { chartState } from "~/app/_components/charts/chart-state";
import { useDrill } from "~/app/_components/charts/drill";
import { useNearWindow } from "~/app/_components/charts/near-window";
import type { CategoryCode } from "~/lib/codes";
import { heatmapData, shownCategories } from "./mappers";
import type { Heatmap } from "./overview-data";
import { useOverviewText } from "./use-labels";
import type { SubunitsState } from "./subunits";
import { loadingBox, useLoaded } from "./use-loaded";

// Below the fold: loaded and drawn when its box comes near the window (issue 16).
const loadViews = () => import("./later-charts").then((m) => m.HeatmapViews);

/** The next level down × (composite, categories) of the focus quarter; clicking a unit drills down to it. */
export function HeatmapCard(props: {
  heatmap: Heatmap | undefined;
  state: SubunitsState;
  category: CategoryCode | null;
  exportBase: string;
  /** The grid's box while it is not drawn (overview-boxes.ts). */
  box: React.CSSProperties;
}) {
  const { t, quarter, category: name, loading } = useOverviewText();
  const { toUnit } = useDrill();
  const near = useNearWindow();
  const HeatmapViews = useLoaded(loadViews, near.seen);
  const shown = shownCategories(props.category);
  const q = props.state.quarter;
  const title = t("heatmap", { quarter: q ? quarter(q) : "—" });
  const rows = props.heatmap?.rows ?? [];
  const data = props.heatmap
    ? heatmapData(rows, shown, { unit: t("unit"), composite: t("composite"), category: name })
    : { columns: [], rows: [] };
  const ready = props.state.kind === "ready" && !!props.heatmap;
  const columns = [t("composite"), ...shown.map(name)];
  const units = rows.map((r) => ({ id: r.id, name: r.name, values: [r.composite, ...shown.map((c) => r.categories[c])] }));
  return (
    <ChartFrame
      testId="unit-heatmap"
      title={title}
      description={t("heatmapDesc")}
      exportName={`${t("heatmap", { quarter: q ?? "" })}_${props.exportBase}`}
      data={data}
      state={chartState({ loading: props.state.kind === "loading" && loading, empty: props.state.kind === "empty" && props.state })}
      stateHeight="h-48"
      placeholder={!ready}
      onRowSelect={(i) => toUnit(rows[i]!.id)}
      rowSelectLabel={(i) => t("clickUnit") + `：${rows[i]!.name}`}
    >
      {() =>
        HeatmapViews ? (
          <HeatmapViews
            label={title}
            legendLabel={t("heatmapLegend")}
            columns={columns}
            units={units}
            onSelect={(u) => toUnit(u.id)}
            selectLabel={(n) => `${t("clickUnit")}：${n}`}
          />
        ) : (
          // The grid's own box, so nothing moves when it is drawn (a phone's list is taller: not in the window yet).
          <div ref={near.ref} className={loadingBox} style={props.box} />
        )
      }
    </ChartFrame>
  );
}
