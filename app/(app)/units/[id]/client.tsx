"use client";

import { useTranslations } from "next-intl";
import { ChartExportScopeProvider, useExportScope } from "~/app/_components/charts/export-meta";
import type { Include } from "~/app/_components/charts/filter-params";
import { CategoryTrendsCard } from "../../dashboard/category-trends-card";
import type { Overview } from "../../dashboard/overview-data";
import { UnitTrendCard } from "./trend-card";

/**
 * The unit page's two trend charts: the one client island with data (click a quarter to narrow
 * the range, export). Everything else on the page is rendered on the server (page.tsx).
 */
export function UnitCharts(props: {
  overview: Overview;
  unitName: string;
  ownUnitOnly: boolean;
  /** The range and `include` the overview was read for (not the URL's: that moves before the new data arrives). */
  from: string;
  to: string;
  include: Include;
}) {
  const t = useTranslations("unitPage");
  const exportScope = useExportScope(props.unitName, props.from, props.to, props.ownUnitOnly);
  const exportBase = `${props.unitName}_${props.from}-${props.to}`;
  const emptyText = props.include === "approved" ? t("trendEmptyApproved") : t("trendEmptySubmitted");
  const hint = props.include === "approved" ? t("tryInclude") : undefined;
  return (
    <ChartExportScopeProvider value={exportScope}>
      <div className="grid gap-4 lg:grid-cols-2">
        <UnitTrendCard overview={props.overview} exportBase={exportBase} emptyText={emptyText} hint={hint} />
        <CategoryTrendsCard overview={props.overview} category={null} exportBase={exportBase} emptyText={emptyText} />
      </div>
    </ChartExportScopeProvider>
  );
}
