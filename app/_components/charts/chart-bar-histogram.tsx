"use client";

import { useState } from "react";
import type { ChartRow } from "./chart-data";
import { nearestIndex } from "./drill";
import { CategoryAxisLine, HoverTip, ValueAxis, categoryLabelY, tickFill, useBoxSize, type Plot } from "./svg-chart-parts";
import { bandCentres, linearScale, niceTicks } from "./svg-geometry";

const yAxisWidth = 40;
const xAxisHeight = 30;
/** The gap on each side of a bar inside its band, in px. */
const barGap = 2;

/**
 * A histogram: one vertical bar per band (`xKey`), its count written above it. Plain SVG (a
 * first-screen chart: no chart library on the page's first load); hovering a band shows its count.
 */
export default function HistogramChart(props: {
  rows: ChartRow[];
  xKey: string;
  yKey: string;
  seriesName: string;
  color: string;
  xLabel?: string;
  testId?: string;
}) {
  const box = useBoxSize<HTMLDivElement>();
  const height = box.height;
  const [hover, setHover] = useState<number | null>(null);
  const { rows } = props;
  const bottom = props.xLabel ? 20 : 4;
  const plot: Plot = {
    left: yAxisWidth,
    top: 20,
    width: Math.max(0, box.width - yAxisWidth - 16),
    height: height - 20 - bottom - xAxisHeight,
  };
  const counts = rows.map((r) => (typeof r[props.yKey] === "number" ? (r[props.yKey] as number) : 0));
  const ticks = niceTicks(Math.max(0, ...counts), 5, true);
  const y = linearScale([0, ticks[ticks.length - 1]!], [plot.top + plot.height, plot.top]);
  const xs = bandCentres(rows.length, plot.left, plot.width);
  const band = rows.length ? plot.width / rows.length : 0;
  const barWidth = Math.max(1, band - 2 * barGap);
  const hovered = hover !== null && hover < rows.length ? hover : null;
  return (
    <div
      ref={box.ref}
      className="relative h-72 w-full"
      data-testid={props.testId}
      onMouseMove={(e) => setHover(nearestIndex(xs, e.clientX - e.currentTarget.getBoundingClientRect().left))}
      onMouseLeave={() => setHover(null)}
    >
      {box.width > 0 ? (
        <svg width={box.width} height={height} aria-hidden className="block">
          <ValueAxis plot={plot} ticks={ticks} y={y} />
          {hovered !== null ? (
            <rect x={xs[hovered]! - band / 2} y={plot.top} width={band} height={plot.height} fill="#f5f5f5" data-export="skip" />
          ) : null}
          <CategoryAxisLine plot={plot} centres={xs} />
          {rows.map((row, i) => (
            <text key={i} x={xs[i]} y={categoryLabelY(plot)} dy="0.71em" textAnchor="middle" fontSize={11} fill={tickFill}>
              {String(row[props.xKey] ?? "")}
            </text>
          ))}
          {props.xLabel ? (
            <text x={plot.left + plot.width / 2} y={height - 4} textAnchor="middle" fontSize={12} fill="#404040">
              {props.xLabel}
            </text>
          ) : null}
          <g data-chart-series={props.yKey}>
            {counts.flatMap((n, i) =>
              n > 0
                ? [
                    <rect
                      key={`b${i}`}
                      data-chart-bar=""
                      x={xs[i]! - barWidth / 2}
                      y={y(n)}
                      width={barWidth}
                      height={y(0) - y(n)}
                      fill={props.color}
                    >
                      <title>{`${String(rows[i]![props.xKey] ?? "")}：${n}`}</title>
                    </rect>,
                    <text key={`n${i}`} x={xs[i]} y={y(n) - 5} textAnchor="middle" fontSize={11} fill="#404040" className="tabular-nums">
                      {n}
                    </text>,
                  ]
                : [],
            )}
          </g>
        </svg>
      ) : null}
      {hovered !== null && box.width > 0 ? (
        <HoverTip
          x={xs[hovered]!}
          y={plot.top}
          boxWidth={box.width}
          title={String(rows[hovered]![props.xKey] ?? "")}
          items={[{ name: props.seriesName, value: String(counts[hovered]), color: props.color }]}
        />
      ) : null}
    </div>
  );
}
