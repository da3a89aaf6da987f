"use client";

import { useLocale, useTranslations } from "next-intl";
import { useMemo } from "react";
import { Select } from "~/app/_components/ui/select";
import { categoryCodes, type CategoryCode } from "~/lib/category-codes";
import { formatQuarter } from "~/lib/quarter";
import { selectableQuarters } from "./filter-params";
import { useDashboardFilters } from "./use-dashboard-filters";

/**
 * The dashboards' filters: quarter range, category, and whether submitted-not-yet-approved
 * reports count. Everything goes to the URL. `categories: false` hides the category select.
 */
export function FilterBar({ categories = true }: { categories?: boolean }) {
  const t = useTranslations();
  const locale = useLocale();
  const f = useDashboardFilters();
  const quarters = useMemo(() => {
    const qs = selectableQuarters();
    for (const q of [f.from, f.to]) if (!qs.includes(q)) qs.push(q);
    return qs.sort().reverse();
  }, [f.from, f.to]);
  const option = (q: string) => (
    <option key={q} value={q}>
      {formatQuarter(q, locale)}
    </option>
  );

  return (
    <div className="flex flex-wrap items-end gap-x-4 gap-y-2" data-testid="dashboard-filters">
      <label className="text-sm">
        <span className="mb-1 block text-xs text-neutral-600">{t("charts.from")}</span>
        <Select value={f.from} onChange={(e) => f.setRange(e.target.value, f.to)} className="w-auto">
          {quarters.filter((q) => q <= f.to).map(option)}
        </Select>
      </label>
      <label className="text-sm">
        <span className="mb-1 block text-xs text-neutral-600">{t("charts.to")}</span>
        <Select value={f.to} onChange={(e) => f.setRange(f.from, e.target.value)} className="w-auto">
          {quarters.filter((q) => q >= f.from).map(option)}
        </Select>
      </label>
      {f.singleQuarter ? (
        <button
          type="button"
          onClick={f.resetRange}
          className="h-8 rounded border border-neutral-300 bg-white px-2 text-xs text-neutral-700 hover:bg-neutral-50"
        >
          {t("charts.resetRange")}
        </button>
      ) : null}
      {categories ? (
        <label className="text-sm">
          <span className="mb-1 block text-xs text-neutral-600">{t("charts.category")}</span>
          <Select
            value={f.category ?? ""}
            onChange={(e) => f.setCategory(e.target.value ? (e.target.value as CategoryCode) : null)}
            className="w-auto"
          >
            <option value="">{t("charts.allCategories")}</option>
            {categoryCodes.map((c) => (
              <option key={c} value={c}>
                {t(`categories.${c}`)}
              </option>
            ))}
          </Select>
        </label>
      ) : null}
      <label className="flex h-8 cursor-pointer items-center gap-2 text-sm text-neutral-700">
        <button
          type="button"
          role="switch"
          aria-checked={f.include === "submitted"}
          onClick={() => f.setInclude(f.include === "submitted" ? "approved" : "submitted")}
          className={`relative inline-flex h-5 w-9 shrink-0 items-center rounded-full transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-party ${f.include === "submitted" ? "bg-party" : "bg-neutral-300"}`}
        >
          <span
            className={`inline-block h-4 w-4 rounded-full bg-white shadow transition-transform ${f.include === "submitted" ? "translate-x-4.5" : "translate-x-0.5"}`}
          />
        </button>
        {t("charts.includeSubmitted")}
      </label>
    </div>
  );
}
