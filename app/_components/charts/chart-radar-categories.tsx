"use client";

import { PolarAngleAxis, PolarGrid, PolarRadiusAxis, Radar, RadarChart, ResponsiveContainer, Tooltip } from "recharts";
import { useState } from "react";
import { formatScore } from "~/app/_lib/categories";
import type { ChartRow } from "./chart-data";
import { wrap } from "./svg-text";

export type RadarSeries = { key: string; name: string; color: string; dashed?: boolean };

/** Category scores on a radar (0–100), one polygon per series (this quarter vs the one before). */
export default function CategoryRadarChart(props: {
  rows: ChartRow[];
  axisKey: string;
  series: RadarSeries[];
  emphasis?: string | null;
  testId?: string;
}) {
  // On a narrow card (a phone) the category names take two lines and the radar leaves them room.
  const [width, setWidth] = useState(0);
  const narrow = width > 0 && width < 440;
  return (
    <div className="h-[22rem] w-full" data-testid={props.testId}>
      <ResponsiveContainer width="100%" height="100%" onResize={(w) => setWidth(w)}>
        <RadarChart data={props.rows} outerRadius={narrow ? "66%" : "80%"} margin={{ top: 16, right: 24, bottom: 16, left: 24 }}>
          <PolarGrid stroke="#d4d4d4" />
          <PolarAngleAxis
            dataKey={props.axisKey}
            tick={({ x, y, payload, textAnchor }) => (
              <text
                x={x}
                y={y}
                textAnchor={textAnchor}
                dominantBaseline="central"
                fontSize={13}
                fill={props.emphasis && payload.value !== props.emphasis ? "#a3a3a3" : "#404040"}
                fontWeight={props.emphasis === payload.value ? 600 : 400}
              >
                {(narrow ? wrap(String(payload.value), 8, 2) : [String(payload.value)]).map((line, i, all) => (
                  <tspan key={i} x={x} dy={i === 0 ? `${-(all.length - 1) * 0.6}em` : "1.2em"}>
                    {line}
                  </tspan>
                ))}
              </text>
            )}
          />
          {/* Between the first two spokes, so the ticks never sit on a category label. */}
          <PolarRadiusAxis domain={[0, 100]} angle={60} tick={{ fontSize: 10, fill: "#a3a3a3" }} tickCount={5} axisLine={false} />
          <Tooltip formatter={(v) => formatScore(typeof v === "number" ? v : null)} />
          {props.series.map((s) => (
            <Radar
              key={s.key}
              dataKey={s.key}
              name={s.name}
              stroke={s.color}
              strokeWidth={2}
              strokeDasharray={s.dashed ? "5 4" : undefined}
              fill={s.color}
              fillOpacity={s.dashed ? 0.04 : 0.15}
              dot={{ r: 3, fill: s.color }}
              isAnimationActive={false}
            />
          ))}
        </RadarChart>
      </ResponsiveContainer>
    </div>
  );
}
