/** Quarters are written `YYYYQn` everywhere in the API and sort correctly as text. */
export type Quarter = `${number}Q${1 | 2 | 3 | 4}`;

export const quarterPattern = /^(\d{4})Q([1-4])$/;

/** The longest quarter range a dashboard aggregates or an export holds (ten years). */
export const maxRangeQuarters = 40;

export function parseQuarter(q: string): { year: number; q: number } | null {
  const m = quarterPattern.exec(q);
  return m ? { year: Number(m[1]), q: Number(m[2]) } : null;
}

export function makeQuarter(year: number, q: number): string {
  return `${String(year).padStart(4, "0")}Q${q}`;
}

/** Quarters have four-digit years, 0000Q1 (the catalogue baseline) to 9999Q4; arithmetic stops at either end. */
const lastIndex = 9999 * 4 + 3;

/** The quarter a date falls in (the running quarter). */
export function quarterOf(date: Date): string {
  return makeQuarter(date.getFullYear(), Math.floor(date.getMonth() / 3) + 1);
}

export function addQuarters(quarter: string, n: number): string {
  const p = parseQuarter(quarter);
  if (!p) throw new Error(`bad quarter ${quarter}`);
  const idx = Math.min(Math.max(p.year * 4 + (p.q - 1) + n, 0), lastIndex);
  return makeQuarter(Math.floor(idx / 4), (idx % 4) + 1);
}

/** The default reporting quarter: the last finished one (in November 2026: 2026Q3). */
export function defaultReportingQuarter(now = new Date()): string {
  return addQuarters(quarterOf(now), -1);
}

/** Quarters from `from` to `to` inclusive, oldest first. */
export function quarterRange(from: string, to: string): string[] {
  const out: string[] = [];
  for (let q = from; q <= to && out.length < 400;) {
    out.push(q);
    const next = addQuarters(q, 1);
    if (next === q) break; // 9999Q4, the last quarter there is
    q = next;
  }
  return out;
}

/** The last `n` finished quarters, oldest first. */
export function lastQuarters(n: number, now = new Date()): string[] {
  const to = defaultReportingQuarter(now);
  return quarterRange(addQuarters(to, -(n - 1)), to);
}

/** 2026年第3季度 in Chinese, 2026 Q3 in English. */
export function formatQuarter(quarter: string, locale: string): string {
  const p = parseQuarter(quarter);
  if (!p) return quarter;
  return locale.startsWith("zh") ? `${p.year}年第${p.q}季度` : `${p.year} Q${p.q}`;
}

const CHINA_OFFSET_MS = 8 * 3600 * 1000; // reporting deadlines are counted in Beijing time

/** The first instant of a quarter, Beijing time. */
export function quarterStart(quarter: string): Date {
  const p = parseQuarter(quarter);
  if (!p) throw new Error(`bad quarter ${quarter}`);
  return new Date(Date.UTC(p.year, (p.q - 1) * 3, 1) - CHINA_OFFSET_MS);
}

/** When reports of `quarter` become late: `days` whole days after the quarter ends (Beijing time). */
export function reportDeadline(quarter: string, days: number): Date {
  const p = parseQuarter(quarter);
  if (!p) throw new Error(`bad quarter ${quarter}`);
  // The next quarter's first instant as a date (month 12 rolls into the next year), so 9999Q4 has a deadline too.
  const nextStart = Date.UTC(p.year, p.q * 3, 1) - CHINA_OFFSET_MS;
  return new Date(nextStart + days * 24 * 3600 * 1000);
}
