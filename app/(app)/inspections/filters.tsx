"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { FilterFieldset, FilterSelect, QuarterFilter } from "~/app/_components/ui/filter-fields";
import { inspectionResults } from "~/lib/codes";
import type { ListInspectionsInput } from "~/app/_lib/api-types";
import { inspectionsHref } from "./params";
import { UnitFilter } from "~/app/_components/unit-picker/unit-filter";

/** Unit, quarter and result selects; each change replaces the URL so a filtered list can be shared. */
export function InspectionFilters({ filters }: { filters: ListInspectionsInput }) {
  const t = useTranslations("inspections");
  const router = useRouter();
  const set = (patch: Partial<ListInspectionsInput>) => router.push(inspectionsHref({ ...filters, ...patch }));
  const any = t("filters.any");
  return (
    <FilterFieldset legend={t("filters.label")}>
      <UnitFilter label={t("filters.unit")} value={filters.unitId} onChange={(u) => set({ unitId: u.id })} />
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
