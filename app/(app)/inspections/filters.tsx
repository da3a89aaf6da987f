"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { Select } from "~/app/_components/ui/select";
import { inspectionResults, type InspectionResult } from "~/lib/codes";
import { addQuarters, formatQuarter, quarterOf } from "~/lib/quarter";
import type { ListInspectionsInput } from "~/app/_lib/api-types";
import { inspectionsHref } from "./params";
import { UnitFilter } from "~/app/_components/unit-picker/unit-filter";

/** Unit, quarter and result selects; each change replaces the URL so a filtered list can be shared. */
export function InspectionFilters({ filters }: { filters: ListInspectionsInput }) {
  const t = useTranslations("inspections");
  const locale = useLocale();
  const router = useRouter();
  const set = (patch: Partial<ListInspectionsInput>) => router.push(inspectionsHref({ ...filters, ...patch }));
  const running = quarterOf(new Date());
  const quarters = Array.from({ length: 9 }, (_, i) => addQuarters(running, -i));
  if (filters.quarter && !quarters.includes(filters.quarter)) quarters.push(filters.quarter);
  const label = (text: string, control: React.ReactNode) => (
    <label className="text-sm">
      <span className="mb-1 block text-neutral-600">{text}</span>
      {control}
    </label>
  );
  return (
    <fieldset className="flex flex-wrap items-end gap-3 rounded border border-neutral-200 bg-white px-4 py-3">
      <legend className="sr-only">{t("filters.label")}</legend>
      <UnitFilter label={t("filters.unit")} value={filters.unitId} onChange={(u) => set({ unitId: u.id })} />
      {label(
        t("filters.quarter"),
        <Select value={filters.quarter ?? ""} onChange={(e) => set({ quarter: e.target.value || undefined })}>
          <option value="">{t("filters.any")}</option>
          {quarters.map((q) => (
            <option key={q} value={q}>
              {formatQuarter(q, locale)}
            </option>
          ))}
        </Select>,
      )}
      {label(
        t("filters.result"),
        <Select
          value={filters.result ?? ""}
          onChange={(e) => set({ result: (e.target.value || undefined) as InspectionResult | undefined })}
        >
          <option value="">{t("filters.any")}</option>
          {inspectionResults.map((r) => (
            <option key={r} value={r}>
              {t(`results.${r}`)}
            </option>
          ))}
        </Select>,
      )}
    </fieldset>
  );
}
