"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { Select } from "~/app/_components/ui/select";
import { caseForms, caseStatuses, categoryCodes } from "~/lib/codes";
import { addQuarters, formatQuarter, quarterOf } from "~/lib/quarter";
import type { ListCasesInput } from "~/app/_lib/api-types";
import { casesHref } from "./params";
import { UnitFilter } from "~/app/_components/unit-picker/unit-filter";

/** Filter selects; each change replaces the URL so a filtered list can be shared. */
export function CaseFilters({ filters }: { filters: ListCasesInput }) {
  const t = useTranslations();
  const locale = useLocale();
  const router = useRouter();
  const set = (patch: Partial<ListCasesInput>) => router.push(casesHref({ ...filters, ...patch }));
  const running = quarterOf(new Date());
  const quarters = Array.from({ length: 9 }, (_, i) => addQuarters(running, -i));
  const label = (text: string, control: React.ReactNode) => (
    <label className="text-sm">
      <span className="mb-1 block text-neutral-600">{text}</span>
      {control}
    </label>
  );
  return (
    <fieldset className="flex flex-wrap items-end gap-3 rounded border border-neutral-200 bg-white px-4 py-3">
      <legend className="sr-only">{t("cases.filters.label")}</legend>
      <UnitFilter label={t("cases.filters.unit")} value={filters.unitId} onChange={(u) => set({ unitId: u.id })} />
      {label(
        t("cases.filters.quarter"),
        <Select value={filters.quarter ?? ""} onChange={(e) => set({ quarter: e.target.value || undefined })}>
          <option value="">{t("cases.filters.any")}</option>
          {quarters.map((q) => (
            <option key={q} value={q}>
              {formatQuarter(q, locale)}
            </option>
          ))}
        </Select>,
      )}
      {label(
        t("cases.filters.category"),
        <Select
          value={filters.category ?? ""}
          onChange={(e) => set({ category: (e.target.value || undefined) as ListCasesInput["category"] })}
        >
          <option value="">{t("cases.filters.any")}</option>
          {categoryCodes.map((c) => (
            <option key={c} value={c}>
              {t(`categories.${c}`)}
            </option>
          ))}
        </Select>,
      )}
      {label(
        t("cases.filters.form"),
        <Select value={filters.form ?? ""} onChange={(e) => set({ form: (e.target.value || undefined) as ListCasesInput["form"] })}>
          <option value="">{t("cases.filters.any")}</option>
          {caseForms.map((f) => (
            <option key={f} value={f}>
              {t(`cases.forms.${f}`)}
            </option>
          ))}
        </Select>,
      )}
      {label(
        t("cases.filters.status"),
        <Select value={filters.status ?? ""} onChange={(e) => set({ status: (e.target.value || undefined) as ListCasesInput["status"] })}>
          <option value="">{t("cases.filters.any")}</option>
          {caseStatuses.map((s) => (
            <option key={s} value={s}>
              {t(`cases.statuses.${s}`)}
            </option>
          ))}
        </Select>,
      )}
      {label(
        t("cases.filters.overdue"),
        <Select
          value={filters.overdue === undefined ? "" : filters.overdue ? "1" : "0"}
          onChange={(e) => set({ overdue: e.target.value === "" ? undefined : e.target.value === "1" })}
        >
          <option value="">{t("cases.filters.any")}</option>
          <option value="1">{t("cases.filters.overdueOnly")}</option>
          <option value="0">{t("cases.filters.notOverdue")}</option>
        </Select>,
      )}
    </fieldset>
  );
}
