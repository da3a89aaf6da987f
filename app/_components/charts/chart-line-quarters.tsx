"use client";

import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatScore } from "~/app/_lib/categories";
import type { ChartRow } from "./chart-data";
import { clickedIndex } from "./drill";

export type QuarterSeries = { key: string; name: string; color: string; width?: number };

/**
 * Scores (0–100) per quarter, one line per series; a gap where a quarter has no score.
 * Clicking a quarter calls `onSelect` with its row index (drill down to that quarter).
 */
export default function QuarterLinesChart(props: {
  rows: ChartRow[];
  xKey: string;
  series: QuarterSeries[];
  onSelect?: (index: number) => void;
  testId?: string;
}) {
  const { rows, onSelect } = props;
  return (
    <div className={`h-72 w-full ${onSelect ? "cursor-pointer" : ""}`} data-testid={props.testId}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart
          data={rows}
          margin={{ top: 12, right: 24, bottom: 4, left: 0 }}
          onClick={(state) => {
            const i = clickedIndex(state, rows.length);
            if (i !== null) onSelect?.(i);
          }}
        >
          <CartesianGrid stroke="#e5e5e5" vertical={false} />
          <XAxis dataKey={props.xKey} tick={{ fontSize: 12, fill: "#525252" }} interval="preserveStartEnd" />
          <YAxis domain={[0, 100]} tick={{ fontSize: 12, fill: "#525252" }} width={36} />
          <Tooltip formatter={(v) => formatScore(typeof v === "number" ? v : null)} />
          {props.series.map((s) => (
            <Line
              key={s.key}
              type="monotone"
              dataKey={s.key}
              name={s.name}
              stroke={s.color}
              strokeWidth={s.width ?? 2}
              dot={{ r: 3.5, fill: s.color, strokeWidth: 0 }}
              activeDot={{ r: 5 }}
              isAnimationActive={false}
              connectNulls={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
