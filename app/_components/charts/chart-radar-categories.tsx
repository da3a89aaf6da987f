"use client";

import { useState } from "react";
import { formatScore } from "~/app/_lib/categories";
import type { ChartRow } from "./chart-data";
import { HoverTip, useBoxSize } from "./svg-chart-parts";
import { evenTicks, polygonPath, radialPoints, spokeAnchor, spokeAngle } from "./svg-geometry";
import { textUnits, wrap } from "./svg-text";

export type RadarSeries = { key: string; name: string; color: string; dashed?: boolean };

const margin = 16;
const sideMargin = 24;
/** From a spoke's end to its label, and the width of one text unit (svg-text.ts) at the labels' 13 px. */
const labelGap = 10;
const unitPx = 7;
const rings = evenTicks(0, 100, 5);
const gridStroke = "#d4d4d4";
/** The radius axis' ticks run between the first two spokes, so they never sit on a category label. */
const radiusAxisDegrees = 60;
const radiusAxisAngle = (radiusAxisDegrees * Math.PI) / 180;

/** The width, in units, of `name` on two lines, whole (wrap breaks at spaces; a long word stays one line). */
function twoLineUnits(name: string): number {
  const all = textUnits(name);
  for (let max = Math.ceil(all / 2); max < all; max++) {
    const lines = wrap(name, max, 2);
    if (!lines.at(-1)!.endsWith("…")) return Math.max(...lines.map(textUnits));
  }
  return all;
}

const valueOf = (row: ChartRow, key: string) => {
  const v = row[key];
  return typeof v === "number" && Number.isFinite(v) ? v : null;
};

/**
 * Category scores on a radar (0–100), one polygon per series (this quarter vs the one before).
 * Plain SVG (a first-screen chart: no chart library on the dashboard's first load); hovering
 * near a category's spoke shows its scores.
 */
export default function CategoryRadarChart(props: {
  rows: ChartRow[];
  axisKey: string;
  series: RadarSeries[];
  emphasis?: string | null;
  testId?: string;
}) {
  const box = useBoxSize<HTMLDivElement>();
  const height = box.height;
  const [hover, setHover] = useState<number | null>(null);
  // On a narrow card (a phone) the category names take two lines and the radar leaves them room.
  const narrow = box.width > 0 && box.width < 440;
  const cx = sideMargin + (box.width - 2 * sideMargin) / 2;
  const cy = margin + (height - 2 * margin) / 2;
  const n = props.rows.length;
  const names = props.rows.map((row) => String(row[props.axisKey] ?? ""));
  // Room for the side labels on two lines each: long English names (“Members' vanguard role”) ran off a 1024 px card.
  const sideLabel = (Math.max(0, ...names.map(twoLineUnits)) + 1) * unitPx;
  const radius = Math.min(
    (Math.min(box.width - 2 * sideMargin, height - 2 * margin) / 2) * (narrow ? 0.66 : 0.8),
    Math.max(box.width / 2 - sideLabel - labelGap - 4, 60),
  );
  const spoke = (i: number, r: number) => ({ x: cx + r * Math.cos(spokeAngle(i, n)), y: cy - r * Math.sin(spokeAngle(i, n)) });
  const hovered = hover !== null && hover < n ? hover : null;
  return (
    <div
      ref={box.ref}
      className="relative h-[22rem] w-full"
      data-testid={props.testId}
      onMouseMove={(e) => {
        const r = e.currentTarget.getBoundingClientRect();
        const dx = e.clientX - r.left - cx;
        const dy = cy - (e.clientY - r.top);
        if (Math.hypot(dx, dy) > radius + 24 || n === 0) return setHover(null);
        // The spoke nearest the pointer's direction (spokes go clockwise from 12 o'clock).
        const clockwise = (Math.PI / 2 - Math.atan2(dy, dx) + 2 * Math.PI) % (2 * Math.PI);
        setHover(Math.round(clockwise / ((2 * Math.PI) / n)) % n);
      }}
      onMouseLeave={() => setHover(null)}
    >
      {box.width > 0 && radius > 0 ? (
        <svg width={box.width} height={height} aria-hidden className="block">
          <g data-chart-axis="grid">
            {rings.slice(1).map((v) => (
              <path
                key={v}
                d={polygonPath(radialPoints(new Array<number>(n).fill(v), 100, cx, cy, radius))}
                fill="none"
                stroke={gridStroke}
              />
            ))}
            {props.rows.map((_, i) => {
              const end = spoke(i, radius);
              return <line key={i} x1={cx} y1={cy} x2={end.x} y2={end.y} stroke={gridStroke} />;
            })}
          </g>
          {props.rows.map((_, i) => {
            const name = names[i]!;
            const at = spoke(i, radius + labelGap);
            const anchor = spokeAnchor(spokeAngle(i, n));
            const room = anchor === "start" ? box.width - at.x - 4 : anchor === "end" ? at.x - 4 : box.width;
            const lines = wrap(name, narrow ? 8 : Math.max(6, Math.floor(room / unitPx)), 2);
            const dim = !!props.emphasis && name !== props.emphasis;
            return (
              <text
                key={i}
                x={at.x}
                y={at.y}
                textAnchor={anchor}
                dominantBaseline="central"
                fontSize={13}
                fill={dim ? "#a3a3a3" : "#404040"}
                fontWeight={props.emphasis === name ? 600 : 400}
                data-radar-label={i}
              >
                {lines.map((line, k) => (
                  <tspan key={k} x={at.x} dy={k === 0 ? `${-(lines.length - 1) * 0.6}em` : "1.2em"}>
                    {line}
                  </tspan>
                ))}
              </text>
            );
          })}
          {rings.map((v) => {
            const r = (v / 100) * radius;
            const x = cx + r * Math.cos(radiusAxisAngle);
            const y = cy - r * Math.sin(radiusAxisAngle);
            return (
              <text
                key={v}
                x={x}
                y={y}
                dx={4}
                transform={`rotate(${90 - radiusAxisDegrees} ${x} ${y})`}
                dominantBaseline="central"
                fontSize={10}
                fill="#a3a3a3"
              >
                {v}
              </text>
            );
          })}
          {hovered !== null
            ? (() => {
                const end = spoke(hovered, radius);
                return <line x1={cx} y1={cy} x2={end.x} y2={end.y} stroke="#a3a3a3" data-export="skip" />;
              })()
            : null}
          {props.series.map((s) => {
            const values = props.rows.map((r) => valueOf(r, s.key));
            const points = radialPoints(
              values.map((v) => v ?? 0),
              100,
              cx,
              cy,
              radius,
            );
            return (
              <g key={s.key} data-chart-series={s.key}>
                <path
                  d={polygonPath(points)}
                  stroke={s.color}
                  strokeWidth={2}
                  strokeDasharray={s.dashed ? "5 4" : undefined}
                  fill={s.color}
                  fillOpacity={s.dashed ? 0.04 : 0.15}
                />
                {points.map((p, i) =>
                  values[i] === null ? null : (
                    <circle key={i} data-chart-dot="" cx={p.x} cy={p.y} r={hovered === i ? 4.5 : 3} fill={s.color} />
                  ),
                )}
              </g>
            );
          })}
        </svg>
      ) : null}
      {hovered !== null && box.width > 0 ? (
        <HoverTip
          x={spoke(hovered, radius).x}
          y={spoke(hovered, radius).y - 20}
          boxWidth={box.width}
          title={String(props.rows[hovered]![props.axisKey] ?? "")}
          items={props.series.flatMap((s) => {
            const v = valueOf(props.rows[hovered]!, s.key);
            return v === null ? [] : [{ name: s.name, value: formatScore(v), color: s.color }];
          })}
        />
      ) : null}
    </div>
  );
}
