"use client";

import { useLocale, useTranslations } from "next-intl";
import { createContext, useContext } from "react";
import { formatQuarter } from "~/lib/quarter";

/** What an exported chart is about: the subtree (“X及下属单位”) and the quarter range, as the page shows them. */
export type ChartExportScope = { scope: string; range: string };

const ScopeContext = createContext<ChartExportScope | null>(null);

/** Wraps a dashboard's charts so each exported PNG carries its scope and quarter range. */
export function ChartExportScopeProvider({ value, children }: { value: ChartExportScope | null; children: React.ReactNode }) {
  return <ScopeContext.Provider value={value}>{children}</ScopeContext.Provider>;
}

export const useChartExportScope = () => useContext(ScopeContext);

/** A page rendered from server data: its charts' export scope from plain props (see `useExportScope`). */
export function ExportScope(props: {
  unitName: string | undefined;
  from: string;
  to: string;
  ownUnitOnly: boolean;
  children: React.ReactNode;
}) {
  const value = useExportScope(props.unitName, props.from, props.to, props.ownUnitOnly);
  return <ChartExportScopeProvider value={value}>{props.children}</ChartExportScopeProvider>;
}

/** A calendar date in Beijing time, one format per language: 2026年12月6日 / 2026-12-06. */
export function formatExportDate(date: Date, locale: string): string {
  const [y, m, d] = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" })
    .format(date)
    .split("-");
  return locale.startsWith("zh") ? `${Number(y)}年${Number(m)}月${Number(d)}日` : `${y}-${m}-${d}`;
}

/** The export scope of a dashboard: its subtree (or the unit alone) and its quarter range, in the page's language. */
export function useExportScope(unitName: string | undefined, from: string, to: string, ownUnitOnly: boolean): ChartExportScope | null {
  const t = useTranslations("charts");
  const locale = useLocale();
  if (!unitName) return null;
  const q = (x: string) => formatQuarter(x, locale);
  return {
    scope: ownUnitOnly ? t("scopeUnit", { name: unitName }) : t("scopeSubtree", { name: unitName }),
    range: from === to ? q(from) : t("rangeOf", { from: q(from), to: q(to) }),
  };
}
