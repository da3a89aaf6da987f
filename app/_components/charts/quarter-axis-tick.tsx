"use client";

import { labelWidth } from "./label-layout";

type TickProps = {
  x?: number | string;
  y?: number | string;
  index?: number;
  payload?: { value: string };
  width?: number | string;
  visibleTicksCount?: number;
};

/**
 * How many quarters share one written label when the bands are narrower than the labels (a
 * phone): 1 = every quarter written, 2 = every second one, …
 */
export function tickStep(bandWidth: number, widest: number): number {
  if (!(bandWidth > 0)) return 1;
  return Math.max(1, Math.ceil((widest + 6) / bandWidth));
}

/**
 * An x-axis tick for quarters: `lines[i]` writes the i-th quarter on short lines (quarter-ticks.ts).
 * It carries `data-quarter-tick`, by which the chart finds the quarter under a click (drill.tsx);
 * where the bands are too narrow, only every n-th label is visible (the others stay, unseen, so
 * every quarter can still be clicked).
 *
 * One component type for every render: a tick type made anew per render (as until session 15)
 * replaced every label's element whenever the chart re-rendered — as it does when the pointer
 * moves to another quarter — and a click whose mouse-down landed on a replaced label was lost:
 * on a busy machine a quarter click sometimes did nothing.
 */
export function QuarterTick(props: TickProps & { lines: string[][] | undefined; clickable: boolean }) {
  const { x, y, index, payload, width, visibleTicksCount, lines, clickable } = props;
  const i = index ?? 0;
  const own = lines?.[i] ?? [payload?.value ?? ""];
  const widest = Math.max(...(lines ?? [own]).map((l) => labelWidth(l[0] ?? "", 12)));
  const step = tickStep(Number(width) / (visibleTicksCount || 1), widest);
  const shown = i % step === 0;
  // A year written under a hidden label moves to the next written one.
  const skippedYear = lines?.slice(Math.max(0, i - step + 1), i).findLast((l) => l.length > 1)?.[1];
  const text = shown && own.length === 1 && skippedYear ? [own[0]!, skippedYear] : own;
  return (
    <text
      x={Number(x)}
      y={Number(y) + 12}
      textAnchor="middle"
      fill="#525252"
      fillOpacity={shown ? 1 : 0}
      fontSize={12}
      data-quarter-tick={i}
      style={clickable ? { cursor: "pointer" } : undefined}
    >
      {/* One line is the text's own; lines are tspans. */}
      {text.length === 1
        ? text[0]
        : text.map((line, k) => (
            <tspan key={k} x={Number(x)} dy={k === 0 ? 0 : 14}>
              {line}
            </tspan>
          ))}
    </text>
  );
}

/** Recharts' `tick` option (a function it calls with each tick's props) drawing a `QuarterTick`. */
export function quarterAxisTick(lines: string[][] | undefined, clickable: boolean) {
  return function renderQuarterTick(props: TickProps) {
    return <QuarterTick {...props} lines={lines} clickable={clickable} />;
  };
}
