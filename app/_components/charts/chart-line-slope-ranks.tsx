"use client";

import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis, usePlotArea, useYAxisScale } from "recharts";

/** One unit's line: its rank at the left column and at the right one; `color` set: highlighted (labelled, drawn on top). */
export type SlopeLine = { id: number; name: string; from: number; to: number; color: string | null };

const faint = "#d4d4d4";
const labelHeight = 14;
/** Beyond this many units only the highlighted lines are drawn (the table and the files keep every unit). */
export const MAX_FAINT_LINES = 300;

/**
 * The highlighted lines' names at the right column, from the top down, each pushed below the one
 * above so none overlaps (a label may then sit a little below its line's end; a thin leader joins them).
 */
function EndLabels({ lines, pad }: { lines: SlopeLine[]; pad: number }) {
  const plot = usePlotArea();
  const sy = useYAxisScale();
  if (!plot || !sy) return null;
  const rightX = plot.x + plot.width - pad;
  const marked = lines.filter((l) => l.color).sort((a, b) => a.to - b.to || a.id - b.id);
  let next = -Infinity;
  const placed = marked.map((l) => {
    const end = Number(sy(l.to));
    const y = Math.max(end, next);
    next = y + labelHeight;
    return { l, end, y };
  });
  return (
    <g pointerEvents="none" className="slope-labels">
      {placed.map(({ l, end, y }) => (
        <g key={l.id} data-slope-label={l.id}>
          {y !== end ? <line x1={rightX + 2} y1={end} x2={rightX + 8} y2={y} stroke={l.color!} strokeWidth={1} /> : null}
          <text x={rightX + 10} y={y} dominantBaseline="central" fontSize={11} fill="#262626">
            {`${l.name}  ${l.from}→${l.to}`}
          </text>
        </g>
      ))}
    </g>
  );
}

/**
 * Slope chart of ranks (1 at the top) between two columns — the adopted weight and the chosen
 * one — one line per unit; highlighted lines in colour with their names at the right, the others faint.
 */
export default function SlopeRanksChart(props: {
  lines: SlopeLine[];
  columns: { from: string; to: string };
  rankLabel: string;
  testId?: string;
}) {
  const { lines } = props;
  const n = Math.max(1, ...lines.map((l) => Math.max(l.from, l.to)));
  const drawn = lines.length > MAX_FAINT_LINES ? lines.filter((l) => l.color) : lines;
  const data = [
    { col: props.columns.from, ...Object.fromEntries(drawn.map((l) => [`u${l.id}`, l.from])) },
    { col: props.columns.to, ...Object.fromEntries(drawn.map((l) => [`u${l.id}`, l.to])) },
  ];
  // Faint lines first, so the highlighted ones are drawn over them.
  const ordered = [...drawn].sort((a, b) => Number(!!a.color) - Number(!!b.color) || a.id - b.id);
  const height = Math.min(900, Math.max(320, n * 16 + 60));
  const labelRoom = 300;
  const left = 56;
  return (
    <div className="w-full overflow-x-auto" data-testid={props.testId}>
      <div className="min-w-[36rem]" style={{ height }}>
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={data} margin={{ top: 12, right: labelRoom, bottom: 8, left: 8 }}>
            <CartesianGrid stroke="#f0f0f0" horizontal={false} />
            <XAxis dataKey="col" type="category" padding={{ left: 24, right: 24 }} tick={{ fontSize: 12, fill: "#404040" }} />
            <YAxis
              type="number"
              reversed
              domain={[1, n]}
              allowDecimals={false}
              width={left - 8}
              tick={{ fontSize: 11, fill: "#525252" }}
              label={{ value: props.rankLabel, angle: -90, position: "insideLeft", fontSize: 12, fill: "#404040" }}
            />
            <Tooltip
              content={({ active, payload }) =>
                active && payload?.length ? (
                  <div className="max-h-60 overflow-hidden rounded border border-neutral-300 bg-white px-2 py-1 text-xs shadow-sm">
                    {payload
                      .map((p) => lines.find((l) => `u${l.id}` === p.dataKey))
                      .filter((l): l is SlopeLine => !!l?.color)
                      .slice(0, 12)
                      .map((l) => (
                        <p key={l.id}>
                          {l.name} <span className="num">{`${l.from} → ${l.to}`}</span>
                        </p>
                      ))}
                  </div>
                ) : null
              }
            />
            {ordered.map((l) => (
              <Line
                key={l.id}
                dataKey={`u${l.id}`}
                name={l.name}
                stroke={l.color ?? faint}
                strokeWidth={l.color ? 2 : 1}
                strokeOpacity={l.color ? 1 : 0.8}
                dot={l.color ? { r: 3, fill: l.color, stroke: l.color } : false}
                activeDot={false}
                isAnimationActive={false}
              />
            ))}
            <EndLabels lines={drawn} pad={24} />
          </LineChart>
        </ResponsiveContainer>
      </div>
    </div>
  );
}
