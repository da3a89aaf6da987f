/** en-CA writes YYYY-MM-DD. Made once: building an Intl.DateTimeFormat costs far more than formatting with it. */
const beijingDate = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" });

/** Today in Beijing as YYYY-MM-DD — the calendar every date, deadline and quarter of the app is written in. Pure; the browser uses it too. */
export function todayInChina(now = new Date()): string {
  return beijingDate.format(now);
}
