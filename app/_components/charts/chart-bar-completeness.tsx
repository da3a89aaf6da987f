"use client";

import { formatScore } from "~/app/_lib/categories";

export type CompletenessSegment = { key: string; label: string; count: number; color: string };

const width = 560;
const barY = 44;
const barH = 22;

/**
 * One quarter's reporting completeness as plain SVG: the on-time rate in large type, a stacked
 * bar of units by report state (each segment labelled with its count), a legend, and the
 * late / overdue figures.
 */
export function CompletenessBar(props: {
  rateLabel: string;
  rate: number | null;
  segments: CompletenessSegment[];
  total: number;
  notes: string[];
  label: string;
  testId?: string;
}) {
  const legendY = barY + barH + 22;
  const height = legendY + 20 + props.notes.length * 18 + 4;
  let x = 0;
  return (
    <svg
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      style={{ maxWidth: width * 1.3 }}
      role="img"
      aria-label={props.label}
      data-testid={props.testId}
      fontSize={12}
    >
      <text x={0} y={14} dominantBaseline="central" fill="#525252">
        {props.rateLabel}
      </text>
      <text
        x={width}
        y={14}
        textAnchor="end"
        dominantBaseline="central"
        fontSize={22}
        fontWeight={600}
        fill="#b71c1c"
        className="tabular-nums"
      >
        {props.rate === null ? "—" : `${formatScore(props.rate)}%`}
      </text>
      <rect x={0} y={barY} width={width} height={barH} fill="#fafafa" stroke="#d4d4d4" strokeWidth={0.5} />
      {props.segments.map((s) => {
        const w = props.total ? (width * s.count) / props.total : 0;
        const seg = (
          <g key={s.key} data-state={s.key}>
            <rect x={x} y={barY} width={w} height={barH} fill={s.color} />
            {w >= 24 ? (
              <text
                x={x + w / 2}
                y={barY + barH / 2}
                textAnchor="middle"
                dominantBaseline="central"
                fill={s.key === "approved" ? "#ffffff" : "#171717"}
                className="tabular-nums"
              >
                {s.count}
              </text>
            ) : null}
          </g>
        );
        x += w;
        return seg;
      })}
      {props.segments.map((s, i) => (
        <g key={s.key} transform={`translate(${i * (width / props.segments.length)}, ${legendY})`}>
          <rect width={12} height={10} y={-5} fill={s.color} stroke="#a3a3a3" strokeWidth={0.5} />
          <text x={16} dominantBaseline="central" fill="#404040">
            {s.label} {s.count}
          </text>
        </g>
      ))}
      {props.notes.map((n, i) => (
        <text key={n} x={0} y={legendY + 24 + i * 18} dominantBaseline="central" fill="#525252">
          {n}
        </text>
      ))}
    </svg>
  );
}
