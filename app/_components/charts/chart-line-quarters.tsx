"use client";

import { useState } from "react";
import { formatScore } from "~/app/_lib/categories";
import type { ChartRow } from "./chart-data";
import { nearestIndex, quarterAtClick } from "./drill";
import { QuarterTick } from "./quarter-axis-tick";
import { CategoryAxisLine, HoverTip, ValueAxis, categoryLabelY, useBoxSize, type Plot } from "./svg-chart-parts";
import { evenTicks, linearScale, monotonePath, pointPositions, presentRuns } from "./svg-geometry";

export type QuarterSeries = { key: string; name: string; color: string; width?: number; dash?: string };

/** A quarter where only some of the expected units counted: its points are hollow; `label` (e.g. “35/53”) is written above the first series. */
export type QuarterCoverage = { partial: boolean; label: string } | null;

const margin = { top: 18, right: 24, bottom: 4 };
const yAxisWidth = 36;
const yTicks = evenTicks(0, 100, 5);

const valueOf = (row: ChartRow | undefined, key: string) => {
  const v = row?.[key];
  return typeof v === "number" && Number.isFinite(v) ? v : null;
};

/**
 * Scores (0–100) per quarter, one line per series; a gap where a quarter has no score. Plain SVG
 * (a first-screen chart: no chart library on the dashboards' first load), drawn once the box's
 * width is known. Clicking a quarter — its axis label, a point or the band above it — calls
 * `onSelect` with its row index (drill down to that quarter); hovering one shows its values.
 * `ticks[i]` writes the i-th quarter on short lines.
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
  const box = useBoxSize<HTMLDivElement>();
  const height = box.height;
  const [hover, setHover] = useState<number | null>(null);
  const twoLines = props.ticks?.some((l) => l.length > 1);
  const plot: Plot = {
    left: yAxisWidth,
    top: margin.top,
    width: Math.max(0, box.width - yAxisWidth - margin.right),
    height: height - margin.top - margin.bottom - (twoLines ? 40 : 30),
  };
  const xs = pointPositions(rows.length, plot.left, plot.width);
  const y = linearScale([0, 100], [plot.top + plot.height, plot.top]);
  /** The y of the quarter's highest point over all series (where its coverage label goes above). */
  const topPointY = (i: number) =>
    Math.min(...props.series.map((s) => valueOf(rows[i], s.key)).map((v) => (v === null ? plot.top + plot.height : y(v))));
  const hovered = hover !== null && hover < rows.length ? hover : null;
  return (
    <div
      ref={box.ref}
      className={`relative h-72 w-full ${onSelect ? "cursor-pointer" : ""}`}
      data-testid={props.testId}
      onClick={(e) => {
        const i = onSelect ? quarterAtClick(e.currentTarget, e.clientX) : null;
        if (i !== null && i < rows.length) onSelect?.(i);
      }}
      onMouseMove={(e) => {
        const left = e.currentTarget.getBoundingClientRect().left;
        setHover(nearestIndex(xs, e.clientX - left));
      }}
      onMouseLeave={() => setHover(null)}
    >
      {box.width > 0 ? (
        <svg width={box.width} height={height} aria-hidden className="block">
          <ValueAxis plot={plot} ticks={yTicks} y={y} />
          <CategoryAxisLine plot={plot} centres={xs} />
          {rows.map((row, i) => (
            <QuarterTick
              key={i}
              lines={props.ticks}
              clickable={!!onSelect}
              x={xs[i]}
              y={categoryLabelY(plot)}
              index={i}
              payload={{ value: String(row[props.xKey] ?? "") }}
              width={plot.width}
              visibleTicksCount={rows.length}
            />
          ))}
          {hovered !== null ? (
            <line x1={xs[hovered]} x2={xs[hovered]} y1={plot.top} y2={plot.top + plot.height} stroke="#ccc" data-export="skip" />
          ) : null}
          {props.series.map((s, k) => {
            const values = rows.map((r) => valueOf(r, s.key));
            return (
              <g key={s.key} data-chart-series={s.key}>
                {presentRuns(values).map((run) => (
                  <path
                    key={run[0]}
                    d={monotonePath(run.map((i) => ({ x: xs[i]!, y: y(values[i]!) })))}
                    fill="none"
                    stroke={s.color}
                    strokeWidth={s.width ?? 2}
                    strokeDasharray={s.dash}
                  />
                ))}
                {values.map((v, i) => {
                  if (v === null) return null;
                  const c = coverage?.[i];
                  const hollow = !!c?.partial;
                  const active = hovered === i;
                  const dot = (
                    <circle
                      key={i}
                      data-chart-dot=""
                      cx={xs[i]}
                      cy={y(v)}
                      r={active ? 5 : hollow ? 4 : 3.5}
                      fill={hollow ? "#ffffff" : s.color}
                      stroke={hollow ? s.color : active ? "#ffffff" : "none"}
                      strokeWidth={hollow ? 2 : active ? 2 : 0}
                    />
                  );
                  // Only a hollow point is grouped (with its label): one element per point otherwise (issue 16).
                  if (!hollow) return dot;
                  return (
                    <g key={i} data-partial="">
                      {dot}
                      {k === 0 && c.label ? (
                        <text
                          x={xs[i]}
                          // Above the highest point of the quarter (another series' line ran through it),
                          // haloed in white where a line still passes.
                          y={Math.max(plot.top + 10, topPointY(i) - 10)}
                          stroke="#ffffff"
                          strokeWidth={3}
                          paintOrder="stroke"
                          // The last quarter's label ends at its point: centred, a word (“in progress”) ran past the box.
                          textAnchor={i > 0 && i === rows.length - 1 ? "end" : "middle"}
                          fontSize={11}
                          fill="#404040"
                          className="tabular-nums"
                          data-coverage-label=""
                        >
                          {c.label}
                        </text>
                      ) : null}
                    </g>
                  );
                })}
              </g>
            );
          })}
        </svg>
      ) : null}
      {hovered !== null && box.width > 0 ? (
        <HoverTip
          x={xs[hovered]!}
          y={plot.top}
          boxWidth={box.width}
          title={String(rows[hovered]![props.xKey] ?? "")}
          items={props.series.flatMap((s) => {
            const v = valueOf(rows[hovered], s.key);
            return v === null ? [] : [{ name: s.name, value: formatScore(v), color: s.color }];
          })}
        />
      ) : null}
    </div>
  );
}
