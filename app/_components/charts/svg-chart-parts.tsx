"use client";

import { startTransition, useLayoutEffect, useRef, useState } from "react";

/** The look shared with the recharts charts: axis and tick strokes, grid, tick text. */
export const axisStroke = "#666";
export const gridStroke = "#e5e5e5";
export const tickFill = "#525252";
const tickSize = 6;

/**
 * The size of the chart's box in px (its height from its classes, e.g. h-72), measured in the
 * browser — 0 × 0 until measured: the box keeps its height meanwhile, so nothing moves when the
 * chart appears — and followed as it resizes. The size is set in a transition: measured while the
 * page hydrates, a plain update would draw every chart of the page in one synchronous render
 * inside the hydration's commit (one long task on a slow PC, issue 16); as a transition React
 * draws them afterwards in slices it can interrupt.
 */
export function useBoxSize<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const [size, setSize] = useState({ width: 0, height: 0 });
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const update = (width: number, height: number) =>
      startTransition(() =>
        setSize((old) => (Math.abs(old.width - width) >= 1 || Math.abs(old.height - height) >= 1 ? { width, height } : old)),
      );
    const r = el.getBoundingClientRect();
    update(r.width, r.height);
    if (typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver((entries) => {
      const box = entries[0]?.contentRect;
      if (box) update(box.width, box.height);
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return { ref, ...size };
}

/** The plot area inside a chart's box, in px. */
export type Plot = { left: number; top: number; width: number; height: number };

/** Horizontal grid lines and the value axis on the left, its ticks written beside it (`format` writes a tick). */
export function ValueAxis(props: { plot: Plot; ticks: number[]; y: (v: number) => number; format?: (v: number) => string }) {
  const { plot } = props;
  const x = plot.left;
  return (
    <g data-chart-axis="y">
      {props.ticks.map((v) => (
        <line key={`g${v}`} x1={x} x2={x + plot.width} y1={props.y(v)} y2={props.y(v)} stroke={gridStroke} />
      ))}
      <line x1={x} x2={x} y1={plot.top} y2={plot.top + plot.height} stroke={axisStroke} />
      {props.ticks.flatMap((v) => [
        <line key={`l${v}`} x1={x - tickSize} x2={x} y1={props.y(v)} y2={props.y(v)} stroke={axisStroke} />,
        <text key={`t${v}`} x={x - tickSize - 2} y={props.y(v)} textAnchor="end" dominantBaseline="central" fontSize={12} fill={tickFill}>
          {props.format ? props.format(v) : String(v)}
        </text>,
      ])}
    </g>
  );
}

/** The category axis' line along the plot's bottom and a tick mark at each band's centre. */
export function CategoryAxisLine({ plot, centres }: { plot: Plot; centres: number[] }) {
  const y = plot.top + plot.height;
  return (
    <g data-chart-axis="x">
      <line x1={plot.left} x2={plot.left + plot.width} y1={y} y2={y} stroke={axisStroke} />
      {centres.map((c, i) => (
        <line key={i} x1={c} x2={c} y1={y} y2={y + tickSize} stroke={axisStroke} />
      ))}
    </g>
  );
}

/** Where the category axis writes its labels: below the tick marks (the y a recharts tick is given). */
export const categoryLabelY = (plot: Plot) => plot.top + plot.height + tickSize + 2;

export type TipItem = { name: string; value: string; color: string };

/**
 * The hover box of a hand-drawn chart (HTML over the SVG, so not part of the PNG): a title and
 * one line per series. `x`/`y` are the point it belongs to, in the box's px; it sits to the
 * right of it, or to the left near the right edge.
 */
export function HoverTip(props: { x: number; y: number; boxWidth: number; title: string; items: TipItem[] }) {
  const left = props.x > props.boxWidth * 0.6;
  return (
    <div
      role="presentation"
      className="pointer-events-none absolute z-10 whitespace-nowrap rounded border border-neutral-300 bg-white px-2.5 py-1.5 text-xs shadow-sm"
      style={{ top: Math.max(0, props.y), ...(left ? { right: props.boxWidth - props.x + 12 } : { left: props.x + 12 }) }}
      data-chart-tooltip=""
    >
      <p className="mb-0.5 text-neutral-800">{props.title}</p>
      {props.items.map((it) => (
        <p key={it.name} style={{ color: it.color }}>
          {it.name} : <span className="tabular-nums">{it.value}</span>
        </p>
      ))}
    </div>
  );
}
