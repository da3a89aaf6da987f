"use client";

import { formatScore } from "~/app/_lib/categories";
import { heatmapBox, heatmapLayout } from "./chart-boxes";
import { heatColor, heatLegendStops, heatTextColor } from "./heat-scale";
import { SvgRowButton } from "./svg-row-button";
import { truncate, wrap } from "./svg-text";

export type HeatmapUnit = { id: number; name: string; values: (number | null)[] };

const { labelW, cellW, rowH, headH, legendStepW } = heatmapLayout;

/**
 * Units × columns of scores, drawn as plain SVG (exports like the other charts): each cell
 * coloured by its score with the number printed in it. Clicking a row (or Enter on it) calls
 * `onSelect` with the unit — drill down; its name is a button for the keyboard.
 */
export function UnitHeatmap(props: {
  units: HeatmapUnit[];
  columns: string[];
  onSelect?: (unit: HeatmapUnit) => void;
  selectLabel?: (name: string) => string;
  label: string;
  legendLabel: string;
  testId?: string;
}) {
  const { width, height, maxWidth } = heatmapBox(props.units.length, props.columns.length);
  return (
    <svg
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      style={{ maxWidth }}
      className="block"
      role={props.onSelect ? "group" : "img"}
      aria-label={props.label}
      data-testid={props.testId}
      fontSize={12}
    >
      {props.columns.map((c, i) => (
        <text key={c} x={labelW + i * cellW + cellW / 2} textAnchor="middle" fill="#404040" fontSize={11}>
          {wrap(c, 13, 3).map((line, k, all) => (
            <tspan key={k} x={labelW + i * cellW + cellW / 2} y={headH - 8 - (all.length - 1 - k) * 13}>
              {line}
            </tspan>
          ))}
        </text>
      ))}
      {props.units.map((u, r) => {
        const y = headH + r * rowH;
        return (
          <g
            key={u.id}
            data-unit-id={u.id}
            className={props.onSelect ? "cursor-pointer [&:hover_rect.row-bg]:fill-neutral-100" : undefined}
            onClick={() => props.onSelect?.(u)}
          >
            <SvgRowButton label={props.selectLabel?.(u.name) ?? u.name} onSelect={props.onSelect && (() => props.onSelect?.(u))}>
              <rect className="row-bg" x={0} y={y} width={labelW} height={rowH} fill="#ffffff" />
              <text x={6} y={y + rowH / 2} dominantBaseline="central" fill={props.onSelect ? "#8e1414" : "#262626"}>
                <title>{u.name}</title>
                {truncate(u.name, 26)}
              </text>
            </SvgRowButton>
            {/* A cell is its rect and its number, no wrapper: the grid is most of the overview's elements (issue 16). */}
            {u.values.flatMap((v, i) => [
              <rect key={`r${i}`} x={labelW + i * cellW + 1} y={y + 1} width={cellW - 2} height={rowH - 2} fill={heatColor(v)} rx={2} />,
              <text
                key={`t${i}`}
                x={labelW + i * cellW + cellW / 2}
                y={y + rowH / 2}
                textAnchor="middle"
                dominantBaseline="central"
                fill={heatTextColor(v)}
                className="tabular-nums"
              >
                {formatScore(v)}
              </text>,
            ])}
          </g>
        );
      })}
      <g transform={`translate(${labelW}, ${headH + props.units.length * rowH + 12})`}>
        <text x={-8} y={9} textAnchor="end" dominantBaseline="central" fill="#525252" fontSize={11}>
          {props.legendLabel}
        </text>
        {heatLegendStops.map((s, i) => (
          <g key={s} transform={`translate(${i * legendStepW}, 0)`}>
            <rect width={40} height={12} fill={heatColor(s)} stroke="#d4d4d4" strokeWidth={0.5} />
            <text x={20} y={24} textAnchor="middle" fill="#525252" fontSize={10}>
              {s}
            </text>
          </g>
        ))}
      </g>
    </svg>
  );
}
