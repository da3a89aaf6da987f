"use client";

import { useLocale, useTranslations } from "next-intl";
import { usePathname, useRouter } from "next/navigation";
import { inputClass } from "~/app/_components/ui/field";
import { unitQuarterHref } from "~/app/_lib/quarter-params";
import { formatQuarter } from "~/lib/quarter";
import { UnitFilter } from "~/app/_components/unit-picker/unit-filter";
import type { PickedUnit } from "~/app/_components/unit-picker/unit-picker";

/** The unit picker and the quarter select, their choice kept in the URL (`?unit=&quarter=`), so links can be shared. */
export function UnitQuarterPicker(props: {
  unitId: number;
  /** The unit as the page read it on the server (`unit.get`), so the picker needs no query to name it. */
  unit?: PickedUnit | null;
  quarter: string;
  quarters: string[];
  running: string;
  /** Labels of the two fields, when the page means something else than 填报单位 / 报告季度. */
  unitLabel?: string;
  quarterLabel?: string;
}) {
  const t = useTranslations();
  const locale = useLocale();
  const router = useRouter();
  const pathname = usePathname();
  const go = (unitId: number, quarter: string) => router.push(unitQuarterHref(pathname, { unit: unitId, quarter }));

  return (
    <>
      <UnitFilter
        label={props.unitLabel ?? t("report.unitLabel")}
        value={props.unitId}
        chosen={props.unit}
        onChange={(u) => go(u.id, props.quarter)}
      />
      <label className="text-sm">
        <span className="mb-1 block text-neutral-600">{props.quarterLabel ?? t("report.quarterLabel")}</span>
        <select className={inputClass} value={props.quarter} onChange={(e) => go(props.unitId, e.target.value)}>
          {props.quarters.map((q) => (
            <option key={q} value={q}>
              {formatQuarter(q, locale)}
              {q === props.running ? t("report.running") : ""}
            </option>
          ))}
        </select>
      </label>
    </>
  );
}
