"use client";

import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { usePathname, useRouter } from "next/navigation";
import { inputClass } from "~/app/_components/ui/field";
import { useTRPC } from "~/app/_lib/trpc/react";
import { formatQuarter } from "~/server/lib/quarter";
import { UnitTreeOptions } from "~/app/_components/unit-tree-options";

/** Unit and quarter selects that keep their choice in the URL (`?unit=&quarter=`), so links can be shared. */
export function UnitQuarterPicker(props: {
  unitId: number;
  quarter: string;
  quarters: string[];
  running: string;
  unitName?: string;
  /** Labels of the two selects, when the page means something else than 填报单位 / 报告季度. */
  unitLabel?: string;
  quarterLabel?: string;
}) {
  const t = useTranslations();
  const locale = useLocale();
  const router = useRouter();
  const pathname = usePathname();
  const trpc = useTRPC();
  const tree = useQuery(trpc.unit.tree.queryOptions());
  const go = (unitId: number, quarter: string) => router.push(`${pathname}?unit=${unitId}&quarter=${quarter}`);

  return (
    <>
      <label className="text-sm">
        <span className="mb-1 block text-neutral-600">{props.unitLabel ?? t("report.unitLabel")}</span>
        <select className={`${inputClass} min-w-64`} value={props.unitId} onChange={(e) => go(Number(e.target.value), props.quarter)}>
          <UnitTreeOptions units={tree.data} keep={{ id: props.unitId, name: props.unitName }} />
        </select>
      </label>
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
