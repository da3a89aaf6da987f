"use client";

import { useLocale, useTranslations } from "next-intl";
import { useCallback } from "react";
import type { CategoryCode } from "~/lib/codes";
import { formatQuarter } from "~/lib/quarter";

/** Translation helpers the overview's cards share. */
export function useOverviewText() {
  const t = useTranslations("dashboardOverview");
  const tc = useTranslations("categories");
  const charts = useTranslations("charts");
  const locale = useLocale();
  const quarter = useCallback((q: string) => formatQuarter(q, locale), [locale]);
  const category = useCallback((c: CategoryCode) => tc(c), [tc]);
  const partial = useCallback((counted: number, expected: number) => charts("partialLabel", { counted, expected }), [charts]);
  return { t, charts, quarter, category, partial, locale, loading: charts("loading") };
}
