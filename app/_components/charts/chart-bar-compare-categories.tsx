"use client";

import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatScore } from "~/app/_lib/categories";
import type { ChartRow } from "./chart-data";
import type { RadarSeries } from "./chart-radar-categories";

/** The radar's rows as grouped horizontal bars: one group per category, a bar per quarter, each labelled with its score. */
export default function CategoryCompareBars(props: { rows: ChartRow[]; axisKey: string; series: RadarSeries[]; testId?: string }) {
  return (
    <div className="w-full" style={{ height: props.rows.length * (props.series.length * 18 + 16) + 40 }} data-testid={props.testId}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={props.rows} layout="vertical" margin={{ top: 4, right: 44, bottom: 4, left: 4 }} barGap={2}>
          <CartesianGrid stroke="#e5e5e5" horizontal={false} />
          <XAxis type="number" domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} tick={{ fontSize: 12, fill: "#525252" }} />
          <YAxis type="category" dataKey={props.axisKey} width={116} tick={{ fontSize: 12, fill: "#404040" }} interval={0} />
          <Tooltip formatter={(v) => formatScore(typeof v === "number" ? v : null)} cursor={{ fill: "#f5f5f5" }} />
          {props.series.map((s) => (
            <Bar
              key={s.key}
              dataKey={s.key}
              name={s.name}
              fill={s.color}
              fillOpacity={s.dashed ? 0.55 : 1}
              barSize={14}
              isAnimationActive={false}
            >
              <LabelList
                dataKey={s.key}
                position="right"
                fontSize={11}
                fill="#404040"
                formatter={(v) => (typeof v === "number" ? formatScore(v) : "")}
              />
            </Bar>
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
