"use client";

import { useLocale, useTranslations } from "next-intl";
import { selectableQuarters } from "~/app/_components/charts/filter-params";
import { useDashboardFilters } from "~/app/_components/charts/use-dashboard-filters";
import { Select } from "~/app/_components/ui/select";
import { formatQuarter } from "~/lib/quarter";

/**
 * The meeting page's quarter range (meetings do not depend on reports, so the shared filter
 * bar's category and report-status switches do not apply here). Changes go to the URL, and the
 * server renders the page for them.
 */
export function RangeControls() {
  const f = useDashboardFilters();
  const t = useTranslations("meetingQuality");
  const locale = useLocale();
  const quarters = [...new Set([...selectableQuarters(), f.from, f.to])].sort().reverse();
  const options = (keep: (q: string) => boolean) =>
    quarters.filter(keep).map((q) => (
      <option key={q} value={q}>
        {formatQuarter(q, locale)}
      </option>
    ));
  return (
    <div
      className="flex flex-wrap items-end gap-x-4 gap-y-2 rounded border border-neutral-200 bg-white px-4 py-3"
      data-testid="meeting-quality-filters"
    >
      <label className="text-sm">
        <span className="mb-1 block text-xs text-neutral-600">{t("from")}</span>
        <Select value={f.from} onChange={(e) => f.setRange(e.target.value, f.to)} className="w-auto">
          {options((q) => q <= f.to)}
        </Select>
      </label>
      <label className="text-sm">
        <span className="mb-1 block text-xs text-neutral-600">{t("to")}</span>
        <Select value={f.to} onChange={(e) => f.setRange(f.from, e.target.value)} className="w-auto">
          {options((q) => q >= f.from)}
        </Select>
      </label>
      {f.from !== f.defaults.from || f.to !== f.defaults.to ? (
        <button
          type="button"
          onClick={f.resetRange}
          className="h-8 rounded border border-neutral-300 bg-white px-2 text-xs text-neutral-700 hover:bg-neutral-50"
        >
          {t("resetRange")}
        </button>
      ) : null}
    </div>
  );
}
