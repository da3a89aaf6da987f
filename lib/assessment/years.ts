/** The calendar year of `now` in Beijing: the assessment year being worked on (its cycle open or rating). */
export function currentAssessmentYear(now = new Date()): number {
  return Number(new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric" }).format(now));
}

/** The first and last day of a year (YYYY-MM-DD), for date ranges in SQL. */
export const yearBounds = (year: number) => ({ from: `${year}-01-01`, to: `${year}-12-31` });

/** The year a page opens on: the current year's cycle when it exists, else the newest one, else the current year. */
export function defaultCycleYear(cycles: readonly { year: number }[], now = new Date()): number {
  const current = currentAssessmentYear(now);
  if (cycles.some((c) => c.year === current)) return current;
  return cycles.reduce((newest, c) => Math.max(newest, c.year), 0) || current;
}
