"use client";

import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { Select } from "~/app/_components/ui/select";
import { useTRPC } from "~/app/_lib/trpc/react";
import { inspectionResults, type InspectionResult } from "~/db/codes";
import { addQuarters, formatQuarter, quarterOf } from "~/server/lib/quarter";
import type { ListInspectionsInput } from "~/server/services/inspection/schemas";
import { inspectionsHref } from "./params";
import { UnitTreeOptions } from "~/app/_components/unit-tree-options";

/** Unit, quarter and result selects; each change replaces the URL so a filtered list can be shared. */
export function InspectionFilters({ filters, unitName }: { filters: ListInspectionsInput; unitName?: string }) {
  const t = useTranslations("inspections");
  const locale = useLocale();
  const router = useRouter();
  const tree = useQuery(useTRPC().unit.tree.queryOptions());
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
      {label(
        t("filters.unit"),
        <Select className="min-w-64" value={filters.unitId} onChange={(e) => set({ unitId: Number(e.target.value) })}>
          <UnitTreeOptions units={tree.data} keep={{ id: filters.unitId, name: unitName }} />
        </Select>,
      )}
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
        <Select value={filters.result ?? ""} onChange={(e) => set({ result: (e.target.value || undefined) as InspectionResult | undefined })}>
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
