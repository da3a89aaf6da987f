"use client";

import { useState } from "react";
import { formatScore, partyRed } from "~/app/_lib/categories";
import { layoutLabels, labelWidth, type Box } from "./label-layout";
import { HoverTip, axisStroke, gridStroke, tickFill, useBoxSize, type Plot } from "./svg-chart-parts";
import { linearScale } from "./svg-geometry";

/**
 * `label`: the text to write beside the dot (most important dots first), or "" for none; labels that would collide are left out.
 * `color`: the dot's own colour (e.g. by grade), instead of 党建红 for the flagged ones and grey for the rest.
 */
export type QuadrantDot = { id: number; name: string; label: string; business: number; party: number; flagged: boolean; color?: string };

/** A cell of the density grid: its lower edges, its width in score points, its shade and the text of its tooltip. */
export type QuadrantCell = { business: number; party: number; cell: number; color: string; title: string };

type QuadrantLabels = { highBizLowParty: string; highBoth: string; lowBoth: string; lowBizHighParty: string };

const other = "#737373";
const margin = { top: 12, right: 24, bottom: 24, left: 8 };
const yAxisWidth = 48;
const xAxisHeight = 30;
const tickSize = 6;
/** A dot of 70 px² (what the recharts version drew). */
const dotRadius = Math.sqrt(70 / Math.PI);
/** Ticks every ten points across an axis range that starts at a multiple of ten. */
const tensOf = ([lo, hi]: [number, number]) => Array.from({ length: Math.floor((hi - lo) / 10) + 1 }, (_, i) => lo + i * 10);

/**
 * 重业务轻党建 quadrant: business score (x) against Party-building score (y), one dot per unit,
 * dashed dividing lines at the thresholds, the four quadrants named in the plot's corners and the
 * high-business / low-Party-building one tinted 党建红. Plain SVG (the page's first-screen chart:
 * no chart library on its first load). Clicking a dot calls `onSelect(id)`; hovering one shows
 * its scores. With `cells` (too many units for one dot each), the units are a density grid under
 * the dots, and the dots are only the ones worth naming (the flagged units). Labels are laid out
 * so that none overlaps another label, a dot or a quadrant's name; one with no free spot is left out.
 */
export default function QuadrantScatterChart(props: {
  dots: QuadrantDot[];
  thresholds: { business: number; party: number };
  domain: { x: [number, number]; y: [number, number] };
  labels: { x: string; y: string; quadrants: QuadrantLabels };
  onSelect?: (id: number) => void;
  cells?: QuadrantCell[];
  testId?: string;
}) {
  const { thresholds: th, domain, labels } = props;
  const box = useBoxSize<HTMLDivElement>();
  const height = box.height;
  const [hover, setHover] = useState<QuadrantDot | null>(null);
  const plot: Plot = {
    left: margin.left + yAxisWidth,
    top: margin.top,
    width: Math.max(0, box.width - margin.left - yAxisWidth - margin.right),
    height: height - margin.top - margin.bottom - xAxisHeight,
  };
  const right = plot.left + plot.width;
  const bottom = plot.top + plot.height;
  const sx = linearScale(domain.x, [plot.left, right]);
  const sy = linearScale(domain.y, [bottom, plot.top]);
  // Scores outside the domain are drawn at its edge (the domain always holds every dot).
  const cx = (v: number) => Math.min(right, Math.max(plot.left, sx(v)));
  const cy = (v: number) => Math.min(bottom, Math.max(plot.top, sy(v)));
  const corners = [
    { text: labels.quadrants.highBizLowParty, right: true, bottom: true, strong: true },
    { text: labels.quadrants.highBoth, right: true, bottom: false, strong: false },
    { text: labels.quadrants.lowBoth, right: false, bottom: true, strong: false },
    { text: labels.quadrants.lowBizHighParty, right: false, bottom: false, strong: false },
  ];
  const cornerBoxes: Box[] = corners.map((c) => {
    const w = labelWidth(c.text, 12) + 8;
    return { x: c.right ? right - w : plot.left, y: c.bottom ? bottom - 20 : plot.top, w, h: 20 };
  });
  const placed =
    box.width > 0
      ? layoutLabels(
          props.dots.map((d) => ({ id: d.id, cx: cx(d.business), cy: cy(d.party), text: d.label })),
          { bounds: { x: plot.left, y: plot.top, w: plot.width, h: plot.height }, obstacles: cornerBoxes },
        )
      : [];
  const tint = { x0: cx(th.business), y0: cy(th.party) };
  return (
    <div ref={box.ref} className="relative h-96 w-full" data-testid={props.testId}>
      {box.width > 0 && plot.width > 0 ? (
        <svg width={box.width} height={height} aria-hidden className="block">
          <g data-chart-axis="grid">
            {tensOf(domain.x).map((v) => (
              <line key={`x${v}`} x1={sx(v)} x2={sx(v)} y1={plot.top} y2={bottom} stroke={gridStroke} />
            ))}
            {tensOf(domain.y).map((v) => (
              <line key={`y${v}`} x1={plot.left} x2={right} y1={sy(v)} y2={sy(v)} stroke={gridStroke} />
            ))}
          </g>
          <g data-chart-axis="x">
            <line x1={plot.left} x2={right} y1={bottom} y2={bottom} stroke={axisStroke} />
            {tensOf(domain.x).map((v) => (
              <g key={v}>
                <line x1={sx(v)} x2={sx(v)} y1={bottom} y2={bottom + tickSize} stroke={axisStroke} />
                <text x={sx(v)} y={bottom + tickSize + 2} dy="0.71em" textAnchor="middle" fontSize={12} fill={tickFill}>
                  {v}
                </text>
              </g>
            ))}
            <text x={plot.left + plot.width / 2} y={height - 8} textAnchor="middle" fontSize={12} fill="#404040">
              {labels.x}
            </text>
          </g>
          <g data-chart-axis="y">
            <line x1={plot.left} x2={plot.left} y1={plot.top} y2={bottom} stroke={axisStroke} />
            {tensOf(domain.y).map((v) => (
              <g key={v}>
                <line x1={plot.left - tickSize} x2={plot.left} y1={sy(v)} y2={sy(v)} stroke={axisStroke} />
                <text x={plot.left - tickSize - 2} y={sy(v)} textAnchor="end" dominantBaseline="central" fontSize={12} fill={tickFill}>
                  {v}
                </text>
              </g>
            ))}
            <text
              x={margin.left + 8}
              y={plot.top + plot.height / 2}
              transform={`rotate(-90 ${margin.left + 8} ${plot.top + plot.height / 2})`}
              textAnchor="middle"
              dominantBaseline="central"
              fontSize={12}
              fill="#404040"
            >
              {labels.y}
            </text>
          </g>
          {/* Under the quadrants' tint and names, so both stay readable over a crowded grid. */}
          {props.cells?.length ? (
            <g className="quadrant-density" data-testid="quadrant-density">
              {props.cells.map((c) => {
                const x0 = sx(c.business);
                const x1 = sx(c.business + c.cell);
                const y0 = sy(c.party);
                const y1 = sy(c.party + c.cell);
                return (
                  <rect
                    key={`${c.business}/${c.party}`}
                    x={Math.min(x0, x1)}
                    y={Math.min(y0, y1)}
                    width={Math.abs(x1 - x0)}
                    height={Math.abs(y1 - y0)}
                    fill={c.color}
                    stroke="#fff"
                    strokeWidth={0.5}
                  >
                    <title>{c.title}</title>
                  </rect>
                );
              })}
            </g>
          ) : null}
          <rect x={tint.x0} y={tint.y0} width={right - tint.x0} height={bottom - tint.y0} fill={partyRed} fillOpacity={0.08} />
          {corners.map((c) => (
            <text
              key={c.text}
              x={c.right ? right - 5 : plot.left + 5}
              y={c.bottom ? bottom - 5 : plot.top + 5}
              textAnchor={c.right ? "end" : "start"}
              dominantBaseline={c.bottom ? "auto" : "hanging"}
              fontSize={12}
              fill={c.strong ? partyRed : "#525252"}
              fontWeight={c.strong ? 600 : undefined}
            >
              {c.text}
            </text>
          ))}
          <line x1={tint.x0} x2={tint.x0} y1={plot.top} y2={bottom} stroke="#737373" strokeDasharray="4 3" />
          <line x1={plot.left} x2={right} y1={tint.y0} y2={tint.y0} stroke="#737373" strokeDasharray="4 3" />
          <g data-chart-series="units">
            {props.dots.map((d) => (
              <circle
                key={d.id}
                data-chart-dot={d.id}
                cx={cx(d.business)}
                cy={cy(d.party)}
                r={dotRadius}
                fill={d.color ?? (d.flagged ? partyRed : other)}
                stroke="#fff"
                strokeWidth={1}
                style={props.onSelect ? { cursor: "pointer" } : undefined}
                onClick={() => props.onSelect?.(d.id)}
                onMouseEnter={() => setHover(d)}
                onMouseLeave={() => setHover((h) => (h?.id === d.id ? null : h))}
              />
            ))}
          </g>
          <g className="quadrant-dot-labels" pointerEvents="none">
            {placed.map((p) => (
              <text
                key={p.id}
                x={p.x}
                y={p.y}
                textAnchor={p.anchor}
                dominantBaseline="central"
                fontSize={11}
                fill="#404040"
                data-dot-label={p.id}
              >
                {p.text}
              </text>
            ))}
          </g>
        </svg>
      ) : null}
      {hover && box.width > 0 ? (
        <HoverTip
          x={cx(hover.business)}
          y={cy(hover.party) - 10}
          boxWidth={box.width}
          title={hover.name}
          items={[
            { name: labels.x, value: formatScore(hover.business), color: "#262626" },
            { name: labels.y, value: formatScore(hover.party), color: "#262626" },
          ]}
        />
      ) : null}
    </div>
  );
}
