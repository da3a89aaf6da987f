/** The calendar year of `now` in Beijing: the assessment year being worked on (its cycle open or rating). */
export function currentAssessmentYear(now = new Date()): number {
  return Number(new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric" }).format(now));
}

/** The first and last day of a year (YYYY-MM-DD), for date ranges in SQL. */
export const yearBounds = (year: number) => ({ from: `${year}-01-01`, to: `${year}-12-31` });
