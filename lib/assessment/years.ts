import { todayInChina } from "~/lib/beijing-day";
import type { AssessmentCycleStatus } from "~/lib/codes";

/** The calendar year of `now` in Beijing: the assessment year being worked on (its cycle open or rating). */
export function currentAssessmentYear(now = new Date()): number {
  return Number(todayInChina(now).slice(0, 4));
}

/** The first and last day of a year (YYYY-MM-DD), for date ranges in SQL. */
export const yearBounds = (year: number) => ({ from: `${year}-01-01`, to: `${year}-12-31` });

/** The year a page opens on: the current year's cycle when it exists, else the newest one, else the current year. */
export function defaultCycleYear(cycles: readonly { year: number }[], now = new Date()): number {
  const current = currentAssessmentYear(now);
  if (cycles.some((c) => c.year === current)) return current;
  return cycles.reduce((newest, c) => Math.max(newest, c.year), 0) || current;
}

/** The newest year whose cycle is finished (定档, status final), e.g. the year an officer's outcome rests on; null when none is. */
export function lastFinishedCycleYear(cycles: readonly { year: number; status: AssessmentCycleStatus }[]): number | null {
  return cycles.reduce<number | null>(
    (newest, c) => (c.status === "final" && (newest === null || c.year > newest) ? c.year : newest),
    null,
  );
}

/** A year menu of the assessment pages: only the years that have a cycle (newest first), opening where the tabs open (`defaultCycleYear`). */
export function cycleYearMenu(cycles: readonly { year: number }[], now = new Date()): { years: number[]; open: number } {
  return { years: [...new Set(cycles.map((c) => c.year))].sort((a, b) => b - a), open: defaultCycleYear(cycles, now) };
}
