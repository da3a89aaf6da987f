/**
 * Heatmap colours for scores 0–100: a single-hue sequential blue scale (colour-blind safe, and
 * apart from the 党建红 accent) — darker is better. Scores are clamped to the domain; missing
 * scores are light grey. Text on a cell is white where the fill is dark enough to need it.
 */
const stops: [number, [number, number, number]][] = [
  [0, [247, 251, 255]],
  [40, [222, 235, 247]],
  [60, [158, 202, 225]],
  [75, [66, 146, 198]],
  [90, [8, 81, 156]],
  [100, [8, 48, 107]],
];
export const heatMissing = "#f0f0f0";

const hex = (rgb: [number, number, number]) => `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, "0")).join("")}`;

function rgbOf(score: number): [number, number, number] {
  const s = Math.min(100, Math.max(0, score));
  for (let i = 1; i < stops.length; i++) {
    const [x1, c1] = stops[i]!;
    const [x0, c0] = stops[i - 1]!;
    if (s <= x1) {
      const t = (s - x0) / (x1 - x0);
      return [0, 1, 2].map((k) => c0[k]! + (c1[k]! - c0[k]!) * t) as [number, number, number];
    }
  }
  return stops[stops.length - 1]![1];
}

export function heatColor(score: number | null): string {
  return score === null || !Number.isFinite(score) ? heatMissing : hex(rgbOf(score));
}

/** Black or white text for a score's cell (WCAG relative luminance of the fill). */
export function heatTextColor(score: number | null): string {
  if (score === null || !Number.isFinite(score)) return "#525252";
  const lum = rgbOf(score)
    .map((c) => c / 255)
    .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  const l = 0.2126 * lum[0]! + 0.7152 * lum[1]! + 0.0722 * lum[2]!;
  // whichever of black and white contrasts more with the fill
  return l < 0.179 ? "#ffffff" : "#171717";
}

/** The legend's sample points (with the heatmap's size: chart-boxes.ts). */
export { heatLegendStops } from "./chart-boxes";
