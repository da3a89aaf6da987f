"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { ChartRow } from "./chart-data";

export type StackSeries = { key: string; label: string; color: string };

/**
 * Counts per quarter, stacked by series (e.g. cases by category or by form). `rows[i][xKey]` is
 * the quarter as written; clicking a column calls `onSelect(i)`.
 */
export default function StackedQuartersChart(props: {
  rows: ChartRow[];
  xKey: string;
  series: StackSeries[];
  onSelect?: (index: number) => void;
  testId?: string;
}) {
  return (
    <div className="h-72 w-full" data-testid={props.testId}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={props.rows} margin={{ top: 8, right: 16, bottom: 4, left: 0 }}>
          <CartesianGrid stroke="#e5e5e5" vertical={false} />
          <XAxis dataKey={props.xKey} tick={{ fontSize: 12 }} interval="preserveStartEnd" />
          <YAxis allowDecimals={false} tick={{ fontSize: 12 }} width={32} />
          <Tooltip cursor={{ fill: "#f5f5f5" }} />
          {props.series.map((s) => (
            <Bar
              key={s.key}
              dataKey={s.key}
              name={s.label}
              stackId="count"
              fill={s.color}
              isAnimationActive={false}
              cursor={props.onSelect ? "pointer" : undefined}
              onClick={props.onSelect ? (_entry: unknown, index: number) => props.onSelect!(index) : undefined}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
