"use client";

import { ChartFrame } from "~/app/_components/charts/chart-frame";
import { chartState } from "~/app/_components/charts/chart-state";
import { useDrill } from "~/app/_components/charts/drill";
import type { CategoryCode } from "~/lib/codes";
import { heatmapData, shownCategories } from "./mappers";
import type { Heatmap } from "./overview-data";
import { useOverviewText } from "./use-labels";
import type { SubunitsState } from "./subunits";
import { loadingBox, useLoaded } from "./use-loaded";

// Below the fold: drawn once the page has hydrated, in a task of their own (issue 16).
const loadGrid = () => import("./later-charts").then((m) => m.UnitHeatmap);
const loadList = () => import("./later-charts").then((m) => m.HeatmapUnitList);

/** The next level down × (composite, categories) of the focus quarter; clicking a unit drills down to it. */
export function HeatmapCard(props: {
  heatmap: Heatmap | undefined;
  state: SubunitsState;
  category: CategoryCode | null;
  exportBase: string;
}) {
  const { t, quarter, category: name, loading } = useOverviewText();
  const { toUnit } = useDrill();
  const UnitHeatmap = useLoaded(loadGrid);
  const HeatmapUnitList = useLoaded(loadList);
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
      {() => (
        <>
          {/* A wide grid on screens that fit it; a list on a phone. */}
          <div className="hidden overflow-x-auto sm:block">
            {UnitHeatmap ? (
              <UnitHeatmap
                testId="unit-heatmap-chart"
                label={title}
                legendLabel={t("heatmapLegend")}
                columns={columns}
                units={units}
                onSelect={(u) => toUnit(u.id)}
                selectLabel={(n) => `${t("clickUnit")}：${n}`}
              />
            ) : (
              <div className={`h-48 ${loadingBox}`} />
            )}
          </div>
          <div className="px-2 sm:hidden">
            {HeatmapUnitList ? (
              <HeatmapUnitList
                testId="unit-heatmap-list"
                label={title}
                columns={columns}
                units={units}
                onSelect={(u) => toUnit(u.id)}
                selectLabel={(n) => `${t("clickUnit")}：${n}`}
              />
            ) : (
              <div className={`h-48 ${loadingBox}`} />
            )}
          </div>
        </>
      )}
    </ChartFrame>
  );
}
