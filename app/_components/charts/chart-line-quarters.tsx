"use client";

import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatScore } from "~/app/_lib/categories";
import type { ChartRow } from "./chart-data";
import { quarterAtClick } from "./drill";
import { quarterAxisTick } from "./quarter-axis-tick";

export type QuarterSeries = { key: string; name: string; color: string; width?: number; dash?: string };

/** A quarter where only some of the expected units counted: its points are hollow; `label` (e.g. “35/53”) is written above the first series. */
export type QuarterCoverage = { partial: boolean; label: string } | null;

type DotProps = { cx?: number; cy?: number; index?: number; value?: unknown };

/**
 * Scores (0–100) per quarter, one line per series; a gap where a quarter has no score.
 * Clicking a quarter — its axis label, a point or the band above it — calls `onSelect` with its
 * row index (drill down to that quarter). `ticks[i]` writes the i-th quarter on short lines.
 */
export default function QuarterLinesChart(props: {
  rows: ChartRow[];
  xKey: string;
  series: QuarterSeries[];
  onSelect?: (index: number) => void;
  ticks?: string[][];
  coverage?: QuarterCoverage[];
  testId?: string;
}) {
  const { rows, onSelect, coverage } = props;
  const Tick = quarterAxisTick(props.ticks, !!onSelect);
  const dot = (s: QuarterSeries, first: boolean) =>
    function Dot({ cx, cy, index, value }: DotProps) {
      if (cx === undefined || cy === undefined || value === null || value === undefined) return <g />;
      const c = coverage?.[index ?? -1];
      const hollow = !!c?.partial;
      return (
        <g data-partial={hollow ? "" : undefined}>
          <circle cx={cx} cy={cy} r={hollow ? 4 : 3.5} fill={hollow ? "#ffffff" : s.color} stroke={s.color} strokeWidth={hollow ? 2 : 0} />
          {first && hollow && c.label ? (
            <text x={cx} y={cy - 10} textAnchor="middle" fontSize={11} fill="#404040" className="tabular-nums" data-coverage-label="">
              {c.label}
            </text>
          ) : null}
        </g>
      );
    };
  const twoLines = props.ticks?.some((l) => l.length > 1);
  return (
    <div
      className={`h-72 w-full ${onSelect ? "cursor-pointer" : ""}`}
      data-testid={props.testId}
      onClick={(e) => {
        const i = onSelect ? quarterAtClick(e.currentTarget, e.clientX) : null;
        if (i !== null && i < rows.length) onSelect?.(i);
      }}
    >
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={rows} margin={{ top: 18, right: 24, bottom: 4, left: 0 }}>
          <CartesianGrid stroke="#e5e5e5" vertical={false} />
          <XAxis dataKey={props.xKey} tick={Tick} interval={0} height={twoLines ? 40 : 30} />
          <YAxis domain={[0, 100]} tick={{ fontSize: 12, fill: "#525252" }} width={36} />
          <Tooltip formatter={(v) => formatScore(typeof v === "number" ? v : null)} />
          {props.series.map((s, k) => (
            <Line
              key={s.key}
              type="monotone"
              dataKey={s.key}
              name={s.name}
              stroke={s.color}
              strokeWidth={s.width ?? 2}
              strokeDasharray={s.dash}
              dot={dot(s, k === 0)}
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
