import type { ChartData, ChartRow } from "~/app/_components/charts/chart-data";
import type { StackSeries } from "~/app/_components/charts/chart-bar-stacked-quarters";
import type { CountBar } from "~/app/_components/charts/chart-bar-counts";
import { categoryColors } from "~/app/_lib/categories";
import { caseForms, categoryCodes } from "~/lib/codes";
import { formatQuarter } from "~/lib/quarter";
import type { CaseDashboard } from "~/app/_lib/api-types";
import { formColors, rootCauseColor, statusColors } from "./colors";

type T = (key: string, values?: Record<string, string | number>) => string;

/** What a quarter-stacked chart draws: one row per quarter of the range, the series, and the table/export data. */
export type QuarterStack = { quarters: string[]; series: StackSeries[]; data: ChartData };

function quarterStack<K extends string>(
  d: CaseDashboard,
  cells: { quarter: string; key: K; count: number }[],
  series: StackSeries[],
  t: T,
  locale: string,
): QuarterStack {
  const rows: ChartRow[] = d.quarters.map((quarter) => {
    const row: ChartRow = { quarter: formatQuarter(quarter, locale) };
    for (const s of series) row[s.key] = 0;
    let total = 0;
    for (const c of cells) {
      if (c.quarter !== quarter) continue;
      row[c.key] = c.count;
      total += c.count;
    }
    row.total = total;
    return row;
  });
  const count = (key: string, label: string) => ({ key, label, decimals: 0 });
  return {
    quarters: d.quarters,
    series,
    data: {
      columns: [
        { key: "quarter", label: t("caseDashboard.columns.quarter") },
        ...series.map((s) => count(s.key, s.label)),
        count("total", t("caseDashboard.columns.total")),
      ],
      rows,
    },
  };
}

/** Cases per quarter by category: the six categories (or the one filtered on), each in its own colour. */
export function byCategoryRows(d: CaseDashboard, t: T, locale: string): QuarterStack {
  const codes = d.category ? [d.category] : categoryCodes;
  const series = codes.map((c) => ({ key: c, label: t(`categories.${c}`), color: categoryColors[c] }));
  return quarterStack(
    d,
    d.byQuarterCategory.map((r) => ({ quarter: r.quarter, key: r.category, count: r.count })),
    series,
    t,
    locale,
  );
}

/** Cases per quarter by form of accountability: the forms used in the range. */
export function byFormRows(d: CaseDashboard, t: T, locale: string): QuarterStack {
  const used = new Set(d.byQuarterForm.map((r) => r.form));
  const series = caseForms.filter((f) => used.has(f)).map((f) => ({ key: f, label: t(`cases.forms.${f}`), color: formColors[f] }));
  return quarterStack(
    d,
    d.byQuarterForm.map((r) => ({ quarter: r.quarter, key: r.form, count: r.count })),
    series,
    t,
    locale,
  );
}

/** The five statuses in the order a case moves through them; the table says which are open. */
export function statusRows(d: CaseDashboard, t: T): { bars: CountBar[]; data: ChartData } {
  const bars = d.byStatus.map((s) => ({ label: t(`cases.statuses.${s.status}`), count: s.count, color: statusColors[s.status] }));
  return {
    bars,
    data: {
      columns: [
        { key: "status", label: t("caseDashboard.columns.status") },
        { key: "open", label: `${t("caseDashboard.columns.open")} / ${t("caseDashboard.columns.closed")}` },
        { key: "count", label: t("caseDashboard.columns.count"), decimals: 0 },
      ],
      rows: d.byStatus.map((s, i) => ({
        status: bars[i]!.label,
        open: t(s.status === "closed" ? "caseDashboard.columns.closed" : "caseDashboard.columns.open"),
        count: s.count,
      })),
    },
  };
}

/** Cases per root cause, most frequent first. */
export function rootCauseRows(d: CaseDashboard, t: T): { bars: CountBar[]; data: ChartData } {
  const bars = d.rootCauses.map((r) => ({ label: t(`cases.rootCauses.${r.rootCause}`), count: r.count, color: rootCauseColor }));
  return {
    bars,
    data: {
      columns: [
        { key: "rootCause", label: t("caseDashboard.columns.rootCause") },
        { key: "count", label: t("caseDashboard.columns.count"), decimals: 0 },
      ],
      rows: bars.map((b) => ({ rootCause: b.label, count: b.count })),
    },
  };
}
