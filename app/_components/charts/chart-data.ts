/** One column of a chart's data: `decimals` is how numbers are written (table, CSV, Excel); scores use 1. */
export type ChartColumn = { key: string; label: string; decimals?: number };
export type ChartCell = string | number | null;
export type ChartRow = Record<string, ChartCell>;

/** The rows a chart draws, exactly: its table, CSV and Excel file are generated from them. */
export type ChartData = { columns: ChartColumn[]; rows: ChartRow[] };

/** A cell as text: numbers with the column's decimals (default one), missing values as “—”. */
export function formatCell(value: ChartCell | undefined, column: ChartColumn, missing = "—"): string {
  if (value === null || value === undefined) return missing;
  if (typeof value === "number") return Number.isFinite(value) ? value.toFixed(column.decimals ?? 1) : missing;
  return value;
}

/** Rounded the way the table writes it, so the chart draws what the table says. */
export const round1 = (n: number | null | undefined): number | null =>
  n === null || n === undefined || !Number.isFinite(n) ? null : Math.round(n * 10) / 10;
