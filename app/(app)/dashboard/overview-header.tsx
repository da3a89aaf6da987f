"use client";

import { useDashboardFilters } from "~/app/_components/charts/use-dashboard-filters";
import type { Overview } from "./overview-data";
import { useOverviewText } from "./use-labels";

/** Heading, scope, range and which reports count. */
export function OverviewHeader({ overview, ownUnitOnly }: { overview: Overview | undefined; ownUnitOnly: boolean }) {
  const { t, quarter } = useOverviewText();
  const f = useDashboardFilters();
  return (
    <div className="flex flex-wrap items-baseline gap-x-4 gap-y-1">
      <h1 className="text-lg font-semibold">{t("heading")}</h1>
      {overview ? (
        <span className="text-sm text-neutral-600">{t(ownUnitOnly ? "ownUnit" : "subtree", { name: overview.unitName })}</span>
      ) : null}
      <span className="text-sm text-neutral-600">
        {f.singleQuarter ? quarter(f.from) : t("range", { from: quarter(f.from), to: quarter(f.to) })}
      </span>
      <span className="text-xs text-neutral-600" data-testid="counted-reports">
        {t(f.include === "approved" ? "countsApproved" : "countsSubmitted")}
      </span>
    </div>
  );
}
