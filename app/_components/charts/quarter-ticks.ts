import { parseQuarter } from "~/lib/quarter";

/**
 * A quarter axis written in the page's language on one or two short lines: the quarter, then
 * its year under the first tick and wherever the year changes (第3季度 / 2026年, Q3 / 2026), so
 * every quarter of an eight-quarter range gets a label that fits and can be clicked.
 */
export function quarterTickLines(quarters: string[], locale: string): string[][] {
  const zh = locale.startsWith("zh");
  return quarters.map((quarter, i) => {
    const p = parseQuarter(quarter);
    if (!p) return [quarter];
    const q = zh ? `第${p.q}季度` : `Q${p.q}`;
    const prev = i > 0 ? parseQuarter(quarters[i - 1]!) : null;
    return !prev || prev.year !== p.year ? [q, zh ? `${p.year}年` : String(p.year)] : [q];
  });
}
