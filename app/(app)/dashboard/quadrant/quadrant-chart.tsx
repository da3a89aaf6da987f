"use client";

import { useRouter } from "next/navigation";
import QuadrantScatterChart, { type QuadrantCell, type QuadrantDot } from "~/app/_components/charts/chart-scatter-quadrant";
import { ChartFrame, type LegendItem } from "~/app/_components/charts/chart-frame";
import type { ChartData } from "~/app/_components/charts/chart-data";
import type { ChartState } from "~/app/_components/charts/chart-state";
import { useDashboardFilters } from "~/app/_components/charts/use-dashboard-filters";

/** A unit the card can open: drill down when it has units below it, else its unit page. */
type Openable = { id: number; hasChildren: boolean };

/** What the scatter draws, worked out on the server (quadrant-card.tsx). */
export type QuadrantPlot = {
  dots: (QuadrantDot & Openable)[];
  thresholds: { business: number; party: number };
  domain: { x: [number, number]; y: [number, number] };
  labels: React.ComponentProps<typeof QuadrantScatterChart>["labels"];
  cells?: QuadrantCell[];
};

/**
 * The scatter's card in the browser: the chart (hover, click, keyboard), its exports and its
 * table, whose rows open their unit. Everything it shows comes in as props; `children` (the notes
 * under the chart) is server HTML.
 */
export function QuadrantChartCard(props: {
  frame: {
    title: string;
    description: string;
    exportName: string;
    exportNotes?: string[];
    data: ChartData;
    legend: LegendItem[];
    tableLabel?: string;
    state: ChartState;
  };
  plot: QuadrantPlot | null;
  /** The table's rows in order (one per unit), when they open units (not for a density grid). */
  rows: (Openable & { label: string })[] | null;
  children?: React.ReactNode;
}) {
  const router = useRouter();
  const { setUnit } = useDashboardFilters();
  const open = (p: Openable) => (p.hasChildren ? setUnit(p.id) : router.push(`/units/${p.id}`));
  const { frame, plot, rows } = props;
  return (
    <ChartFrame
      testId="quadrant-chart-card"
      {...frame}
      stateHeight="h-96"
      onRowSelect={rows ? (i) => open(rows[i]!) : undefined}
      rowSelectLabel={(i) => rows?.[i]?.label ?? ""}
    >
      {plot ? (
        <>
          <QuadrantScatterChart
            testId="quadrant-chart"
            {...plot}
            onSelect={(id) => {
              const p = plot.dots.find((x) => x.id === id);
              if (p) open(p);
            }}
          />
          {props.children}
        </>
      ) : null}
    </ChartFrame>
  );
}
