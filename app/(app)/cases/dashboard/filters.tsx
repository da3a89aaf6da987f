"use client";

import { useLocale, useTranslations } from "next-intl";
import type { DashboardFilterState } from "~/app/_components/charts/use-dashboard-filters";
import { Select } from "~/app/_components/ui/select";
import { categoryCodes, type CategoryCode } from "~/lib/codes";
import { formatQuarter } from "~/lib/quarter";
import { caseDashboardQuarters } from "./defaults";
import { UnitFilter } from "~/app/_components/unit-picker/unit-filter";
import type { PickedUnit } from "~/app/_components/unit-picker/unit-picker";

/** Subtree root, quarter range and category; every change is a new URL (shareable, back button walks back). `unit`: the root as read on the server. */
export function CaseDashboardFilters({ f, unit }: { f: DashboardFilterState; unit: PickedUnit | null }) {
  const t = useTranslations("caseDashboard.filters");
  const tc = useTranslations("categories");
  const locale = useLocale();
  const offered = caseDashboardQuarters();
  // A range from a shared link may reach beyond what the selects offer: keep its ends selectable.
  const quarters = [...new Set([...offered, f.from, f.to])].sort().reverse();
  const isDefault = f.from === f.defaults.from && f.to === f.defaults.to;
  const label = (text: string, control: React.ReactNode) => (
    <label className="text-sm">
      <span className="mb-1 block text-neutral-600">{text}</span>
      {control}
    </label>
  );
  const quarterOptions = quarters.map((q) => (
    <option key={q} value={q}>
      {formatQuarter(q, locale)}
    </option>
  ));
  return (
    <fieldset
      className="flex flex-wrap items-end gap-3 rounded border border-neutral-200 bg-white px-4 py-3"
      data-testid="case-dashboard-filters"
    >
      <legend className="sr-only">{t("label")}</legend>
      <UnitFilter label={t("unit")} value={f.unitId} chosen={unit} onChange={(u) => f.setUnit(u.id)} />
      {label(
        t("from"),
        <Select value={f.from} onChange={(e) => f.setRange(e.target.value, f.to)}>
          {quarterOptions}
        </Select>,
      )}
      {label(
        t("to"),
        <Select value={f.to} onChange={(e) => f.setRange(f.from, e.target.value)}>
          {quarterOptions}
        </Select>,
      )}
      {label(
        t("category"),
        <Select value={f.category ?? ""} onChange={(e) => f.setCategory((e.target.value || null) as CategoryCode | null)}>
          <option value="">{t("any")}</option>
          {categoryCodes.map((c) => (
            <option key={c} value={c}>
              {tc(c)}
            </option>
          ))}
        </Select>,
      )}
      {!isDefault ? (
        <button type="button" className="h-8 rounded px-2 text-sm text-neutral-700 hover:bg-neutral-100" onClick={f.resetRange}>
          {t("reset")}
        </button>
      ) : null}
    </fieldset>
  );
}
