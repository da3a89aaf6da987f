import { getLocale, getTranslations } from "next-intl/server";
import type { DashboardFilters } from "~/app/_components/charts/filter-params";
import { formatQuarter } from "~/lib/quarter";

/** Heading, scope, range and which reports count (of the filters the page was rendered for). */
export async function OverviewHeader({
  unitName,
  filters,
  ownUnitOnly,
}: {
  unitName: string | undefined;
  filters: DashboardFilters;
  ownUnitOnly: boolean;
}) {
  const t = await getTranslations("dashboardOverview");
  const locale = await getLocale();
  const quarter = (q: string) => formatQuarter(q, locale);
  return (
    <div className="flex flex-wrap items-baseline gap-x-4 gap-y-1">
      <h1 className="text-lg font-semibold">{t("heading")}</h1>
      {unitName ? <span className="text-sm text-neutral-600">{t(ownUnitOnly ? "ownUnit" : "subtree", { name: unitName })}</span> : null}
      <span className="text-sm text-neutral-600">
        {filters.from === filters.to ? quarter(filters.from) : t("range", { from: quarter(filters.from), to: quarter(filters.to) })}
      </span>
      <span className="text-xs text-neutral-600" data-testid="counted-reports">
        {t(filters.include === "approved" ? "countsApproved" : "countsSubmitted")}
      </span>
    </div>
  );
}
