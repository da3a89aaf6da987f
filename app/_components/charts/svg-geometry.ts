/**
 * Geometry for the hand-drawn SVG charts (the first-screen ones, drawn without recharts so a
 * dashboard's first load evaluates no chart library): scales, ticks and line paths, in pixels.
 */

export type Point = { x: number; y: number };

/** A linear map from `domain` to `range` (either may run backwards, e.g. y growing downwards). */
export function linearScale([d0, d1]: [number, number], [r0, r1]: [number, number]): (v: number) => number {
  const k = d1 === d0 ? 0 : (r1 - r0) / (d1 - d0);
  return (v) => r0 + (v - d0) * k;
}

/** The centres of `n` equal bands across [start, start + width] (a category axis: quarters, score bands). */
export function bandCentres(n: number, start: number, width: number): number[] {
  const band = n > 0 ? width / n : 0;
  return Array.from({ length: n }, (_, i) => start + band * (i + 0.5));
}

/**
 * `n` points spread from `start` to `start + width`, the first and last on the edges (a line
 * chart's category axis, as recharts draws it); a single point in the middle.
 */
export function pointPositions(n: number, start: number, width: number): number[] {
  if (n === 1) return [start + width / 2];
  return Array.from({ length: n }, (_, i) => start + (width * i) / (n - 1));
}

/**
 * Round ticks from 0 up to at least `max`, about `count` of them: steps of 1, 2, 2.5 or 5 times
 * a power of ten (whole steps only when `integers`, e.g. counts). The last tick is the axis' top.
 */
export function niceTicks(max: number, count = 5, integers = false): number[] {
  const top = Number.isFinite(max) && max > 0 ? max : 1;
  const rough = top / Math.max(1, count - 1);
  const power = 10 ** Math.floor(Math.log10(rough));
  let step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= rough - 1e-9) ?? 10 * power;
  if (integers) step = Math.max(1, Math.ceil(step));
  const n = Math.ceil(top / step - 1e-9);
  return Array.from({ length: n + 1 }, (_, i) => Math.round(i * step * 1e6) / 1e6);
}

/** Evenly spaced ticks across [lo, hi] (e.g. 0, 25, 50, 75, 100 for five). */
export function evenTicks(lo: number, hi: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => lo + ((hi - lo) * i) / Math.max(1, count - 1));
}

/**
 * The runs of consecutive values that are present (a line's drawn pieces: a missing value is a
 * gap, not a zero), each as the indices it covers.
 */
export function presentRuns(values: readonly (number | null | undefined)[]): number[][] {
  const runs: number[][] = [];
  let cur: number[] = [];
  values.forEach((v, i) => {
    if (v === null || v === undefined || !Number.isFinite(v)) {
      if (cur.length) runs.push(cur);
      cur = [];
    } else cur.push(i);
  });
  if (cur.length) runs.push(cur);
  return runs;
}

const r2 = (n: number) => Math.round(n * 100) / 100;
const sign = (n: number) => (n < 0 ? -1 : 1);

/**
 * A smooth path through points ordered by x that never overshoots them (monotone cubic
 * interpolation, Fritsch–Carlson as in d3's curveMonotoneX — what recharts' `type="monotone"`
 * draws). One point is a bare move (drawn as its dot alone), two a straight line.
 */
export function monotonePath(points: readonly Point[]): string {
  const n = points.length;
  if (n === 0) return "";
  const p = points;
  const start = `M${r2(p[0]!.x)},${r2(p[0]!.y)}`;
  if (n === 1) return start;
  if (n === 2) return `${start}L${r2(p[1]!.x)},${r2(p[1]!.y)}`;
  // The tangent at each inner point, from the slopes on either side.
  const t: number[] = new Array<number>(n).fill(0);
  for (let i = 1; i < n - 1; i++) {
    const h0 = p[i]!.x - p[i - 1]!.x;
    const h1 = p[i + 1]!.x - p[i]!.x;
    const s0 = h0 ? (p[i]!.y - p[i - 1]!.y) / h0 : 0;
    const s1 = h1 ? (p[i + 1]!.y - p[i]!.y) / h1 : 0;
    const mid = h0 + h1 ? (s0 * h1 + s1 * h0) / (h0 + h1) : 0;
    t[i] = (sign(s0) + sign(s1)) * Math.min(Math.abs(s0), Math.abs(s1), 0.5 * Math.abs(mid)) || 0;
  }
  // The ends: the one-sided estimate d3 uses.
  const end = (a: Point, b: Point, inner: number) => {
    const h = b.x - a.x;
    return h ? ((3 * (b.y - a.y)) / h - inner) / 2 : inner;
  };
  t[0] = end(p[0]!, p[1]!, t[1]!);
  t[n - 1] = end(p[n - 2]!, p[n - 1]!, t[n - 2]!);
  let d = start;
  for (let i = 0; i < n - 1; i++) {
    const a = p[i]!;
    const b = p[i + 1]!;
    const dx = (b.x - a.x) / 3;
    d += `C${r2(a.x + dx)},${r2(a.y + dx * t[i]!)},${r2(b.x - dx)},${r2(b.y - dx * t[i + 1]!)},${r2(b.x)},${r2(b.y)}`;
  }
  return d;
}

/** The points of a polygon around (cx, cy): `values[i]` (of `max`) on the i-th spoke, the first pointing up, clockwise. */
export function radialPoints(values: readonly number[], max: number, cx: number, cy: number, radius: number): Point[] {
  const n = values.length;
  return values.map((v, i) => {
    const a = spokeAngle(i, n);
    const r = max > 0 ? (Math.max(0, v) / max) * radius : 0;
    return { x: cx + r * Math.cos(a), y: cy - r * Math.sin(a) };
  });
}

/** The angle (radians, counter-clockwise from 3 o'clock) of the i-th of n spokes, the first at 12 o'clock, going clockwise. */
export const spokeAngle = (i: number, n: number) => Math.PI / 2 - (2 * Math.PI * i) / n;

/** How a label beside a spoke's end is anchored: to its left on the right-hand side, centred at the top and bottom. */
export function spokeAnchor(angle: number): "start" | "middle" | "end" {
  const c = Math.cos(angle);
  return Math.abs(c) < 1e-6 ? "middle" : c > 0 ? "start" : "end";
}

/** A closed polygon's path. */
export const polygonPath = (points: readonly Point[]) =>
  points.length ? `${points.map((q, i) => `${i ? "L" : "M"}${r2(q.x)},${r2(q.y)}`).join("")}Z` : "";
