/** Today in Beijing as YYYY-MM-DD — the calendar every date, deadline and quarter of the app is written in. Pure; the browser uses it too. */
export function todayInChina(now = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(now);
}
