"use client";

import { useTranslations } from "next-intl";
import { cn } from "~/app/_lib/cn";
import { useDashboardFilters } from "./use-dashboard-filters";

/** Drill-down actions for charts: a unit becomes the subtree root, a quarter becomes the range. */
export function useDrill() {
  const { setUnit, setQuarter } = useDashboardFilters();
  return { toUnit: setUnit, toQuarter: setQuarter };
}

/** A unit name that drills the dashboard down to that unit. */
export function DrillLink({ unitId, name, className }: { unitId: number; name: string; className?: string }) {
  const t = useTranslations("charts");
  const { toUnit } = useDrill();
  return (
    <button
      type="button"
      title={t("drillTo", { name })}
      className={cn("text-left text-party hover:underline", className)}
      onClick={() => toUnit(unitId)}
    >
      {name}
    </button>
  );
}

/** The activeTooltipIndex a recharts click reports, as an index into the chart's data. */
export function clickedIndex(state: { activeTooltipIndex?: unknown } | null | undefined, length: number): number | null {
  const i = Number(state?.activeTooltipIndex);
  return Number.isInteger(i) && i >= 0 && i < length ? i : null;
}
