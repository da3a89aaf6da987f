"use client";

import { formatScore } from "~/app/_lib/categories";
import { rankedBox, rankedLayout } from "./chart-boxes";
import { SvgRowButton } from "./svg-row-button";
import { truncate } from "./svg-text";

export type RankedUnit = { id: number; name: string; score: number };
export type RankedList = { title: string; color: string; units: RankedUnit[]; emptyText: string };

const { panelW, gap, rowH, titleH } = rankedLayout;
const nameW = 172;
const barW = 120;

/**
 * Ranked lists of units side by side (best and worst), each a bar of its score 0–100 with the
 * number, drawn as plain SVG. Clicking a unit calls `onSelect` — drill down.
 */
export function RankedUnitBars(props: {
  lists: RankedList[];
  onSelect?: (id: number) => void;
  selectLabel?: (name: string) => string;
  label: string;
  testId?: string;
}) {
  const { width, height, maxWidth } = rankedBox(props.lists.length, Math.max(0, ...props.lists.map((l) => l.units.length)));
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
      {props.lists.map((list, p) => {
        const x0 = p * (panelW + gap);
        return (
          <g key={list.title} transform={`translate(${x0}, 0)`}>
            <rect x={0} y={2} width={4} height={14} fill={list.color} />
            <text x={10} y={9} dominantBaseline="central" fontWeight={600} fill="#262626">
              {list.title}
            </text>
            {list.units.length === 0 ? (
              <text x={10} y={titleH + rowH / 2} dominantBaseline="central" fill="#737373">
                {list.emptyText}
              </text>
            ) : null}
            {list.units.map((u, i) => {
              const y = titleH + i * rowH;
              return (
                <g
                  key={u.id}
                  data-unit-id={u.id}
                  className={props.onSelect ? "cursor-pointer [&:hover_rect.row-bg]:fill-neutral-100" : undefined}
                  onClick={() => props.onSelect?.(u.id)}
                >
                  <rect className="row-bg" x={0} y={y} width={panelW} height={rowH} fill="#ffffff" />
                  <text x={0} y={y + rowH / 2} dominantBaseline="central" fill="#737373" className="tabular-nums">
                    {i + 1}
                  </text>
                  <SvgRowButton label={props.selectLabel?.(u.name) ?? u.name} onSelect={props.onSelect && (() => props.onSelect?.(u.id))}>
                    <rect className="row-bg" x={16} y={y} width={nameW} height={rowH} fill="#ffffff" />
                    <text x={16} y={y + rowH / 2} dominantBaseline="central" fill={props.onSelect ? "#8e1414" : "#262626"}>
                      <title>{u.name}</title>
                      {truncate(u.name, 26)}
                    </text>
                  </SvgRowButton>
                  <rect x={nameW + 16} y={y + 7} width={barW} height={rowH - 14} fill="#f0f0f0" />
                  <rect
                    x={nameW + 16}
                    y={y + 7}
                    width={(barW * Math.max(0, Math.min(100, u.score))) / 100}
                    height={rowH - 14}
                    fill={list.color}
                  />
                  <text x={panelW - 4} y={y + rowH / 2} textAnchor="end" dominantBaseline="central" fill="#262626" className="tabular-nums">
                    {formatScore(u.score)}
                  </text>
                </g>
              );
            })}
          </g>
        );
      })}
    </svg>
  );
}
