"use client";

import { useTranslations } from "next-intl";
import { FilterFieldset, FilterSelect, QuarterFilter } from "~/app/_components/ui/filter-fields";
import { caseForms, caseStatuses, categoryCodes } from "~/lib/codes";
import type { ListCasesInput } from "~/app/_lib/api-types";
import { casesHref } from "./params";
import { UnitFilter } from "~/app/_components/unit-picker/unit-filter";
import type { PickedUnit } from "~/app/_components/unit-picker/unit-picker";
import { useListNavigate } from "./list-navigation";

/** Filter selects; each change navigates to the list's URL with it, so a filtered list can be shared. `unit`: the chosen unit as read on the server. */
export function CaseFilters({ filters, unit }: { filters: ListCasesInput; unit: PickedUnit | null }) {
  const t = useTranslations();
  const navigate = useListNavigate();
  const set = (patch: Partial<ListCasesInput>) => navigate(casesHref({ ...filters, ...patch }));
  const any = t("cases.filters.any");
  const overdue = filters.overdue === undefined ? undefined : filters.overdue ? "1" : "0";
  return (
    <FilterFieldset legend={t("cases.filters.label")}>
      <UnitFilter label={t("cases.filters.unit")} value={filters.unitId} chosen={unit} onChange={(u) => set({ unitId: u.id })} />
      <QuarterFilter label={t("cases.filters.quarter")} anyLabel={any} value={filters.quarter} onChange={(quarter) => set({ quarter })} />
      <FilterSelect
        label={t("cases.filters.category")}
        anyLabel={any}
        value={filters.category}
        options={categoryCodes.map((c) => ({ value: c, label: t(`categories.${c}`) }))}
        onChange={(category) => set({ category })}
      />
      <FilterSelect
        label={t("cases.filters.form")}
        anyLabel={any}
        value={filters.form}
        options={caseForms.map((f) => ({ value: f, label: t(`cases.forms.${f}`) }))}
        onChange={(form) => set({ form })}
      />
      <FilterSelect
        label={t("cases.filters.status")}
        anyLabel={any}
        value={filters.status}
        options={caseStatuses.map((s) => ({ value: s, label: t(`cases.statuses.${s}`) }))}
        onChange={(status) => set({ status })}
      />
      <FilterSelect
        label={t("cases.filters.overdue")}
        anyLabel={any}
        value={overdue}
        options={[
          { value: "1", label: t("cases.filters.overdueOnly") },
          { value: "0", label: t("cases.filters.notOverdue") },
        ]}
        onChange={(v) => set({ overdue: v === undefined ? undefined : v === "1" })}
      />
    </FilterFieldset>
  );
}
