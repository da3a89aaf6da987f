import { createLoader, parseAsInteger } from "nuqs/server";
import { assessmentParsers } from "../params";

/** The simulator's URL: the year, the subtree, and the chosen Party-building weight in percent (`w`, 0–100; absent: the adopted one). */
export const simulatorParsers = { ...assessmentParsers, w: parseAsInteger };
export const loadSimulatorParams = createLoader(simulatorParsers);

/** The weight in the URL as a fraction, clamped to 0–100 % in steps of 5 (a hand-typed `w=37` reads as 35 %). */
export function weightFromPercent(w: number | null): number | null {
  if (w === null || !Number.isFinite(w)) return null;
  return (Math.round(Math.min(100, Math.max(0, w)) / 5) * 5) / 100;
}
