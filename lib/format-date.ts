/**
 * The one date format of each language, for every page (tables, lists, timelines, audit):
 * 2026年12月6日 in Chinese, 2026-12-06 in English; with a time, 2026年12月6日 14:05 /
 * 2026-12-06 14:05. Times are shown in Beijing time, the time the users work in, whatever the
 * browser's or server's zone. A bare `YYYY-MM-DD` (a meeting's date, a deadline) is a calendar
 * day and is never shifted by a time zone. Pure: the same text on the server and in the browser.
 */

const BEIJING_MS = 8 * 3600 * 1000;
const dayPattern = /^(\d{4})-(\d{2})-(\d{2})$/;

type Parts = { y: number; m: number; d: number; hh: number; mm: number };

function parts(value: Date | string | number): Parts | null {
  if (typeof value === "string") {
    const day = dayPattern.exec(value);
    if (day) return { y: Number(day[1]), m: Number(day[2]), d: Number(day[3]), hh: 0, mm: 0 };
  }
  const ms = new Date(value).getTime();
  if (!Number.isFinite(ms)) return null;
  const b = new Date(ms + BEIJING_MS);
  return { y: b.getUTCFullYear(), m: b.getUTCMonth() + 1, d: b.getUTCDate(), hh: b.getUTCHours(), mm: b.getUTCMinutes() };
}

const pad = (n: number) => String(n).padStart(2, "0");
const zh = (locale: string) => locale.startsWith("zh");

/** 2026年12月6日 / 2026-12-06; "—" for a missing or unreadable value. */
export function formatDate(value: Date | string | number | null | undefined, locale: string): string {
  const p = value == null ? null : parts(value);
  if (!p) return "—";
  return zh(locale) ? `${p.y}年${p.m}月${p.d}日` : `${p.y}-${pad(p.m)}-${pad(p.d)}`;
}

/** 2026年12月6日 14:05 / 2026-12-06 14:05 (Beijing time). */
export function formatDateTime(value: Date | string | number | null | undefined, locale: string): string {
  const p = value == null ? null : parts(value);
  if (!p) return "—";
  return `${formatDate(value, locale)} ${pad(p.hh)}:${pad(p.mm)}`;
}

/** A similarity (0–1) as a percentage: 0.89 → "89%". */
export function formatPercent(ratio: number | null | undefined): string {
  return ratio == null || !Number.isFinite(ratio) ? "—" : `${Math.round(ratio * 100)}%`;
}
