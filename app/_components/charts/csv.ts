import { formatCell, type ChartData } from "./chart-data";

/**
 * Excel evaluates text beginning with = + - @ (or a tab / carriage return) as a formula: such
 * text gets a leading apostrophe, shown as plain text — the same rule as the reports export
 * (server/services/spreadsheet/export-reports.ts `neutraliseFormulae`). Numbers are untouched.
 */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

const quote = (text: string) => (/[",\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);

/**
 * A chart's rows as CSV: UTF-8 with a BOM (or Excel on Chinese Windows reads it as GBK and
 * garbles every name), CRLF line ends, a header of the column labels, numbers written as the
 * table writes them, empty cells for missing values.
 */
export function toCsv(data: ChartData): string {
  const lines = [data.columns.map((c) => quote(neutraliseFormula(c.label)))];
  for (const row of data.rows) {
    lines.push(
      data.columns.map((c) => {
        const v = row[c.key];
        if (typeof v === "string") return quote(neutraliseFormula(v));
        return formatCell(v, c, "");
      }),
    );
  }
  return `\uFEFF${lines.map((l) => l.join(",")).join("\r\n")}\r\n`;
}
