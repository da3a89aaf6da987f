"use client";

import { useTranslations } from "next-intl";
import { FilterFieldset, FilterSelect, QuarterFilter } from "~/app/_components/ui/filter-fields";
import { inspectionResults } from "~/lib/codes";
import type { ListInspectionsInput } from "~/app/_lib/api-types";
import { inspectionsHref } from "./params";
import { UnitFilter } from "~/app/_components/unit-picker/unit-filter";
import type { PickedUnit } from "~/app/_components/unit-picker/unit-picker";
import { useListNavigate } from "../cases/list-navigation";

/** Unit, quarter and result selects; each change navigates to the list's URL with it, so a filtered list can be shared. `unit`: the chosen unit as read on the server. */
export function InspectionFilters({ filters, unit }: { filters: ListInspectionsInput; unit: PickedUnit | null }) {
  const t = useTranslations("inspections");
  const navigate = useListNavigate();
  const set = (patch: Partial<ListInspectionsInput>) => navigate(inspectionsHref({ ...filters, ...patch }));
  const any = t("filters.any");
  return (
    <FilterFieldset legend={t("filters.label")}>
      <UnitFilter label={t("filters.unit")} value={filters.unitId} chosen={unit} onChange={(u) => set({ unitId: u.id })} />
      <QuarterFilter label={t("filters.quarter")} anyLabel={any} value={filters.quarter} onChange={(quarter) => set({ quarter })} />
      <FilterSelect
        label={t("filters.result")}
        anyLabel={any}
        value={filters.result}
        options={inspectionResults.map((r) => ({ value: r, label: t(`results.${r}`) }))}
        onChange={(result) => set({ result })}
      />
    </FilterFieldset>
  );
}
