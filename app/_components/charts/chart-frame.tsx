"use client";

import { useTranslations } from "next-intl";
import { lazy, Suspense, useRef, useState } from "react";
import { Card, CardHeader } from "~/app/_components/ui/card";
import { ChartActions } from "./chart-actions";
import type { ChartData } from "./chart-data";
import { CardState, type ChartState } from "./chart-state";

// The data table's code loads with its first unfolding, like its rows (below).
const DataTable = lazy(() => import("./data-table").then((m) => ({ default: m.DataTable })));

/** `dash`: the series' stroke-dasharray, drawn in the legend's sample line. */
export type LegendItem = { label: string; color: string; dash?: string };

/**
 * A chart card: title, export actions (PNG, CSV, Excel), the chart, and its data as a table
 * (the chart's text alternative, folded away by default). The table, both files and the chart
 * come from the same `data` rows, so they never disagree; a caller may still pass its own `table`.
 */
export function ChartFrame(props: {
  title: string;
  description?: string;
  /** File base name of the exports (without extension). */
  exportName?: string;
  /** The rows exactly as drawn. */
  data?: ChartData;
  /** Lines the PNG carries under the subtitle besides scope, range and date (e.g. the quadrant's cut-off). */
  exportNotes?: string[];
  /** Series colours and names, shown under the title and drawn into the PNG. */
  legend?: LegendItem[];
  tableLabel?: string;
  table?: React.ReactNode;
  /** Makes each table row's first cell a button (e.g. drill down to that unit or quarter). */
  onRowSelect?: (index: number) => void;
  rowSelectLabel?: (index: number) => string;
  /** Set while loading or when there is nothing to draw: no table, exports disabled. */
  placeholder?: boolean;
  /**
   * Loading, empty or ready (see `chartState`): the card shows the placeholder or the note instead
   * of its chart, and is a `placeholder` until ready. `children` as a function is drawn only when ready.
   */
  state?: ChartState;
  /** The height of the loading placeholder and of the empty note (default h-72). */
  stateHeight?: string;
  children: React.ReactNode | (() => React.ReactNode);
  testId?: string;
  className?: string;
}) {
  const t = useTranslations("charts");
  const chartRef = useRef<HTMLDivElement>(null);
  // The data table is drawn when first unfolded: folded, its rows were about a quarter of a
  // dashboard's elements, built into the server's HTML and hydrated on every load for nothing (a
  // closed <details> shows them to no one, screen readers included). Its code comes then too.
  const [tableShown, setTableShown] = useState(false);
  const placeholder = props.placeholder ?? (props.state ? props.state.kind !== "ready" : false);
  const data = placeholder ? undefined : props.data;
  const table = props.table ?? (data ? <DataTable data={data} onSelect={props.onRowSelect} selectLabel={props.rowSelectLabel} /> : null);
  const actions = props.exportName && props.data && (
    <ChartActions
      exportName={props.exportName}
      data={data ?? { columns: props.data.columns, rows: [] }}
      chart={() => chartRef.current}
      header={{ title: props.title, subtitle: props.description, meta: props.exportNotes, legend: props.legend }}
    />
  );
  return (
    <Card data-testid={props.testId} data-chart-frame="" className={props.className}>
      <CardHeader title={props.title} description={props.description} actions={actions || undefined} />
      {props.legend?.length ? (
        <ul className="flex flex-wrap gap-x-3 gap-y-1 px-4 pt-2 text-xs text-neutral-700" aria-label={t("legend")}>
          {props.legend.map((l) => (
            <li key={l.label} className="flex items-center gap-1">
              {l.dash ? (
                <svg aria-hidden width="22" height="8" className="shrink-0">
                  <line x1="1" y1="4" x2="21" y2="4" stroke={l.color} strokeWidth="2.5" strokeDasharray={l.dash} />
                </svg>
              ) : (
                <span aria-hidden className="inline-block h-2.5 w-3 rounded-sm" style={{ background: l.color }} />
              )}
              {l.label}
            </li>
          ))}
        </ul>
      ) : null}
      <div ref={chartRef} className="px-2 py-3" data-chart-area>
        {props.state ? (
          <CardState state={props.state} height={props.stateHeight}>
            {props.children}
          </CardState>
        ) : typeof props.children === "function" ? (
          props.children()
        ) : (
          props.children
        )}
      </div>
      {table && !placeholder ? (
        <details className="border-t border-neutral-100 px-4 py-2 text-sm" onToggle={(e) => e.currentTarget.open && setTableShown(true)}>
          <summary className="cursor-pointer text-neutral-600">{props.tableLabel ?? t("table")}</summary>
          {tableShown ? (
            <div className="mt-2 overflow-x-auto">
              <Suspense>{table}</Suspense>
            </div>
          ) : null}
        </details>
      ) : null}
    </Card>
  );
}
