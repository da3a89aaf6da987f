"use client";

import { ChartFrame } from "~/app/_components/charts/chart-frame";
import { UnitHeatmap } from "~/app/_components/charts/chart-heatmap-units";
import { ChartEmpty, ChartLoading } from "~/app/_components/charts/chart-state";
import { useDrill } from "~/app/_components/charts/drill";
import type { CategoryCode } from "~/db/codes";
import { heatmapData, shownCategories } from "./mappers";
import type { Heatmap } from "./overview-data";
import { useOverviewText } from "./use-labels";
import type { SubunitsState } from "./subunits";

/** The next level down × (composite, categories) of the focus quarter; clicking a unit drills down to it. */
export function HeatmapCard(props: { heatmap: Heatmap | undefined; state: SubunitsState; category: CategoryCode | null; exportBase: string }) {
  const { t, quarter, category: name, loading } = useOverviewText();
  const { toUnit } = useDrill();
  const shown = shownCategories(props.category);
  const q = props.state.quarter;
  const title = t("heatmap", { quarter: q ? quarter(q) : "—" });
  const rows = props.heatmap?.rows ?? [];
  const data = props.heatmap
    ? heatmapData(rows, shown, { unit: t("unit"), composite: t("composite"), category: name })
    : { columns: [], rows: [] };
  const ready = props.state.kind === "ready" && !!props.heatmap;
  return (
    <ChartFrame
      testId="unit-heatmap"
      title={title}
      description={t("heatmapDesc")}
      exportName={`${t("heatmap", { quarter: q ?? "" })}_${props.exportBase}`}
      data={data}
      placeholder={!ready}
      onRowSelect={(i) => toUnit(rows[i]!.id)}
      rowSelectLabel={(i) => t("clickUnit") + `：${rows[i]!.name}`}
    >
      {props.state.kind === "loading" ? (
        <ChartLoading message={loading} height="h-48" />
      ) : props.state.kind !== "ready" ? (
        <ChartEmpty message={props.state.message} hint={props.state.hint} height="h-48" />
      ) : (
        <div className="overflow-x-auto">
          <UnitHeatmap
            testId="unit-heatmap-chart"
            label={title}
            legendLabel={t("heatmapLegend")}
            columns={[t("composite"), ...shown.map(name)]}
            units={rows.map((r) => ({ id: r.id, name: r.name, values: [r.composite, ...shown.map((c) => r.categories[c])] }))}
            onSelect={(u) => toUnit(u.id)}
            selectLabel={(n) => `${t("clickUnit")}：${n}`}
          />
        </div>
      )}
    </ChartFrame>
  );
}
