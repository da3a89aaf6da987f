"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";
import { Select } from "~/app/_components/ui/select";

/**
 * The assessment year (年度) among the years that have a cycle, with its status; the year shown
 * is always offered, even when it has no cycle yet.
 */
export function YearSelect(props: { year: number; years: { year: number; status: string }[]; onChange: (year: number) => void }) {
  const t = useTranslations("dutyReports");
  const id = useId();
  const years = props.years.some((y) => y.year === props.year) ? props.years : [{ year: props.year, status: "none" }, ...props.years];
  return (
    <div className="flex items-center gap-2 text-sm">
      <label htmlFor={id} className="font-medium">
        {t("year")}
      </label>
      <Select id={id} value={props.year} onChange={(e) => props.onChange(Number(e.target.value))} className="w-auto">
        {years.map((y) => (
          <option key={y.year} value={y.year}>
            {t("yearOption", { year: y.year, status: t(`cycleStatuses.${y.status}`) })}
          </option>
        ))}
      </Select>
    </div>
  );
}
