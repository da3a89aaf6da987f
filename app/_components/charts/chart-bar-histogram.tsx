"use client";

import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { ChartRow } from "./chart-data";

/** A histogram: one vertical bar per band (`xKey`), its count written above it. */
export default function HistogramChart(props: {
  rows: ChartRow[];
  xKey: string;
  yKey: string;
  seriesName: string;
  color: string;
  xLabel?: string;
  testId?: string;
}) {
  return (
    <div className="h-72 w-full" data-testid={props.testId}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={props.rows} margin={{ top: 20, right: 16, bottom: props.xLabel ? 20 : 4, left: 0 }} barCategoryGap={2}>
          <CartesianGrid stroke="#e5e5e5" vertical={false} />
          <XAxis
            dataKey={props.xKey}
            tick={{ fontSize: 11, fill: "#525252" }}
            interval={0}
            label={props.xLabel ? { value: props.xLabel, position: "insideBottom", offset: -12, fontSize: 12, fill: "#404040" } : undefined}
          />
          <YAxis allowDecimals={false} tick={{ fontSize: 12, fill: "#525252" }} width={40} />
          <Tooltip cursor={{ fill: "#f5f5f5" }} />
          <Bar dataKey={props.yKey} name={props.seriesName} fill={props.color} isAnimationActive={false}>
            <LabelList dataKey={props.yKey} position="top" style={{ fontSize: 11, fill: "#404040" }} />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
