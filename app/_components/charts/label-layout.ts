import { textUnits } from "./svg-text";

/** Collision-avoiding labels for scatter dots (pixel space): a label is placed where it hits no other label or dot, or left out. */
export type Box = { x: number; y: number; w: number; h: number };
export type LabelCandidate = { id: number; cx: number; cy: number; text: string };
export type PlacedLabel = { id: number; text: string; x: number; y: number; anchor: "middle" | "start" | "end"; box: Box };

const overlaps = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
const inside = (a: Box, bounds: Box) =>
  a.x >= bounds.x && a.y >= bounds.y && a.x + a.w <= bounds.x + bounds.w && a.y + a.h <= bounds.y + bounds.h;

/** Width of a label in px: CJK characters about 1 em, others about 0.55 em. */
export const labelWidth = (text: string, fontSize: number) => textUnits(text) * fontSize * 0.55 + 2;

/**
 * Places the candidates' labels in order (put the most important first): above the dot, below,
 * right, then left — the first spot that stays inside `bounds` and clears every label placed
 * so far, every dot and every obstacle (e.g. the quadrants' names). A label with no free spot
 * is left out (the dot is still named in its tooltip, the list and the table).
 */
export function layoutLabels(
  candidates: LabelCandidate[],
  opts: { bounds: Box; obstacles?: Box[]; fontSize?: number; dotRadius?: number; max?: number },
): PlacedLabel[] {
  const fs = opts.fontSize ?? 11;
  const r = opts.dotRadius ?? 5;
  const h = fs + 2;
  const gap = 2;
  const dots: Box[] = [...candidates.map((c) => ({ x: c.cx - r, y: c.cy - r, w: 2 * r, h: 2 * r })), ...(opts.obstacles ?? [])];
  const placed: PlacedLabel[] = [];
  for (const c of candidates) {
    if (!c.text || placed.length >= (opts.max ?? Infinity)) continue;
    const w = labelWidth(c.text, fs);
    const spots: Omit<PlacedLabel, "id" | "text">[] = [
      { x: c.cx, y: c.cy - r - gap - h / 2, anchor: "middle", box: { x: c.cx - w / 2, y: c.cy - r - gap - h, w, h } },
      { x: c.cx, y: c.cy + r + gap + h / 2, anchor: "middle", box: { x: c.cx - w / 2, y: c.cy + r + gap, w, h } },
      { x: c.cx + r + gap, y: c.cy, anchor: "start", box: { x: c.cx + r + gap, y: c.cy - h / 2, w, h } },
      { x: c.cx - r - gap, y: c.cy, anchor: "end", box: { x: c.cx - r - gap - w, y: c.cy - h / 2, w, h } },
    ];
    const spot = spots.find(
      (s) => inside(s.box, opts.bounds) && !placed.some((p) => overlaps(p.box, s.box)) && !dots.some((d) => overlaps(d, s.box)),
    );
    if (spot) placed.push({ id: c.id, text: c.text, ...spot });
  }
  return placed;
}

/**
 * Two lines' value labels at one x (e.g. Party building and business): the higher point's label
 * goes above it and the lower one's below, so they never meet between the lines; on a tie (or
 * the other missing) the first series is above and the second below.
 */
export function labelAbove(own: number, other: number | null | undefined, first: boolean): boolean {
  if (other == null || own === other) return first;
  return own > other;
}

/**
 * The baseline (px) of a bar's value label that a horizontal reference line (a quota) never
 * crosses: above the bar as usual, or, when the line would run through the text, just above the
 * line. The line's height is read from the bar itself (its px per unit); a zero bar keeps its
 * usual place (nothing to measure against, and its label sits on the axis).
 */
export function valueLabelBaseline(bar: { y: number; height: number; count: number }, lineAt: number, fontSize = 12): number {
  const usual = bar.y - 6;
  if (bar.count <= 0 || bar.height <= 0) return usual;
  const lineY = bar.y + bar.height - (lineAt / bar.count) * bar.height;
  // The text covers about [baseline - fontSize, baseline + 3]; keep the line 1px clear of it.
  const crosses = lineY >= usual - fontSize - 1 && lineY <= usual + 4;
  return crosses ? lineY - 5 : usual;
}
