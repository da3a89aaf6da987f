"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { HydrateApart } from "~/app/_components/charts/hydrate-apart";
import { ChartExportScopeProvider, useExportScope } from "~/app/_components/charts/export-meta";
import { FilterBar } from "~/app/_components/charts/filter-bar";
import { useDashboardFilters } from "~/app/_components/charts/use-dashboard-filters";
import { Notice } from "~/app/_components/ui/notice";
import { describeError } from "~/app/_lib/trpc/errors";
import { useTRPC } from "~/app/_lib/trpc/react";
import { CategoryTrendsCard } from "../../dashboard/category-trends-card";
import { UnitCasesCard } from "./cases-card";
import { UnitMeetingsCard } from "./meetings-card";
import { ReportsCard } from "./reports-card";
import { UnitTrendCard } from "./trend-card";
import { UnitHeader } from "./unit-header";

/**
 * 单位页: who the unit is, its scores over the range, its reports, meetings and cases.
 * Its links do not prefetch (`prefetch={false}`): some thirty of them are on the first screen,
 * and prefetching each (two requests, decoded on the main thread) blocked an office PC for
 * longer than the page itself (docs/performance.md, "/units/[id]").
 */
export function UnitPageClient({ unitId }: { unitId: number }) {
  const t = useTranslations("unitPage");
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const f = useDashboardFilters();
  const tree = useQuery(trpc.unit.tree.queryOptions({ rootId: unitId, depth: 1 }));
  const overview = useQuery({
    ...trpc.dashboard.overview.queryOptions({ unitId, from: f.from, to: f.to, include: f.include }),
    placeholderData: keepPreviousData,
  });

  const treeUnit = tree.data?.find((u) => u.id === unitId);
  const exportScope = useExportScope(treeUnit?.name, f.from, f.to, !tree.data?.some((u) => u.parentId === unitId));
  if (tree.error) return <Notice tone="error">{tc("error", { message: describeError(tree.error).message })}</Notice>;
  const unit = tree.data?.find((u) => u.id === unitId);
  if (!unit) return <p className="text-sm text-neutral-500">{t("loading")}</p>;
  const children = tree.data!.filter((u) => u.parentId === unitId);
  const subtree = children.length > 0;
  const exportBase = `${unit.name}_${f.from}-${f.to}`;
  const emptyText = f.include === "approved" ? t("trendEmptyApproved") : t("trendEmptySubmitted");
  const hint = f.include === "approved" ? t("tryInclude") : undefined;

  return (
    <ChartExportScopeProvider value={exportScope}>
      {/* Each section in a boundary of its own: React hydrates the header first and every other
          section in a later task of its own, so no single task blocks the page's first seconds. */}
      <div className="space-y-3">
        <UnitHeader unit={unit} subunits={children} breadcrumb={overview.data?.breadcrumb} />
        <HydrateApart>
          <div className="flex flex-wrap items-end justify-between gap-2 rounded border border-neutral-200 bg-white px-4 py-3">
            <FilterBar categories={false} />
            <span className="text-xs text-neutral-500">{subtree ? t("scopeSubtree") : t("scopeOwn")}</span>
          </div>
        </HydrateApart>
        {overview.error ? <Notice tone="error">{tc("error", { message: describeError(overview.error).message })}</Notice> : null}
        <div className="grid gap-4 lg:grid-cols-2">
          <HydrateApart>
            <UnitTrendCard overview={overview.data} exportBase={exportBase} emptyText={emptyText} hint={hint} />
          </HydrateApart>
          <HydrateApart>
            <CategoryTrendsCard overview={overview.data} category={null} exportBase={exportBase} emptyText={emptyText} />
          </HydrateApart>
        </div>
        <div className="grid gap-4 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
          <HydrateApart>
            <ReportsCard unitId={unitId} from={f.from} to={f.to} />
          </HydrateApart>
          <HydrateApart>
            <UnitCasesCard unitId={unitId} subtree={subtree} />
          </HydrateApart>
        </div>
        <HydrateApart>
          <UnitMeetingsCard unitId={unitId} from={f.from} to={f.to} />
        </HydrateApart>
      </div>
    </ChartExportScopeProvider>
  );
}
