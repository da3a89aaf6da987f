"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { ChartRow } from "./chart-data";
import { quarterAtClick } from "./drill";
import { quarterAxisTick } from "./quarter-axis-tick";

export type StackSeries = { key: string; label: string; color: string };

/**
 * Counts per quarter, stacked by series (e.g. cases by category or by form). `rows[i][xKey]` is
 * the quarter as written; clicking a column, the band above it or its label calls `onSelect(i)`.
 */
export default function StackedQuartersChart(props: {
  rows: ChartRow[];
  xKey: string;
  series: StackSeries[];
  onSelect?: (index: number) => void;
  ticks?: string[][];
  testId?: string;
}) {
  const twoLines = props.ticks?.some((l) => l.length > 1);
  return (
    <div
      className="h-72 w-full"
      data-testid={props.testId}
      onClick={(e) => {
        const i = props.onSelect ? quarterAtClick(e.currentTarget, e.clientX) : null;
        if (i !== null && i < props.rows.length) props.onSelect?.(i);
      }}
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={props.rows} margin={{ top: 8, right: 16, bottom: 4, left: 0 }}>
          <CartesianGrid stroke="#e5e5e5" vertical={false} />
          <XAxis dataKey={props.xKey} tick={quarterAxisTick(props.ticks, !!props.onSelect)} interval={0} height={twoLines ? 40 : 30} />
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
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
