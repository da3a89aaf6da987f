import { getTranslations } from "next-intl/server";
import { Link } from "~/app/_components/ui/link";
import { createSerializer } from "nuqs/server";
import { Breadcrumb } from "~/app/_components/charts/breadcrumb";
import { FilterBar } from "~/app/_components/charts/filter-bar";
import {
  dashboardFilterParsers,
  defaultDashboardRange,
  loadDashboardFilters,
  resolveDashboardFilters,
} from "~/app/_components/charts/filter-params";
import { DashboardFiltersProvider } from "~/app/_components/charts/use-dashboard-filters";
import { ExportScope } from "~/app/_components/charts/export-meta";
import { PendingArea } from "~/app/_components/charts/pending-area";
import { Notice } from "~/app/_components/ui/notice";
import { ClientMessages } from "~/app/_lib/client-messages";
import { requireActor } from "~/app/_lib/session";
import { readsOnlyOwnUnit } from "~/server/scope";
import { CaseFigures } from "./case-figures";
import { OverviewCards } from "./client";
import { DashboardTabs } from "./dashboard-tabs";
import { overviewBoxes } from "./overview-boxes";
import { OverviewHeader } from "./overview-header";
import { readOverview } from "./read-overview";
import { subunitsOf } from "./subunits-state";

type Search = Promise<Record<string, string | string[] | undefined>>;
const serializeFilters = createSerializer(dashboardFilterParsers);

/** The overview, rendered from server data: a filter change or a drill asks the server for the page again. */
export default async function DashboardPage({ searchParams }: { searchParams: Search }) {
  const actor = await requireActor();
  const defaults = { unitId: actor.unitId, ...defaultDashboardRange() };
  const raw = await loadDashboardFilters(searchParams);
  const f = resolveDashboardFilters(raw, defaults);
  const ownUnitOnly = readsOnlyOwnUnit(actor);
  const reads = await readOverview(f, ownUnitOnly);
  const { overview, completeness, heatmap } = reads;
  const subunits = await subunitsOf(reads, f, ownUnitOnly);
  const t = await getTranslations("dashboardOverview");

  return (
    <ClientMessages entry="(app)/dashboard/page">
      <DashboardFiltersProvider defaults={defaults} serverDriven>
        {overview.ok ? (
          <div className="space-y-4">
            <DashboardTabs />
            <OverviewHeader unitName={overview.data.unitName} filters={f} ownUnitOnly={ownUnitOnly} />
            <Breadcrumb items={overview.data.breadcrumb} />
            <div className="flex flex-wrap items-end justify-between gap-3 rounded border border-neutral-200 bg-white px-4 py-3">
              <FilterBar />
              <CaseFigures overview={overview.data} />
            </div>
            <ExportScope unitName={overview.data.unitName} from={f.from} to={f.to} ownUnitOnly={ownUnitOnly}>
              <PendingArea className="grid gap-4 lg:grid-cols-2">
                <OverviewCards
                  overview={overview.data}
                  completeness={completeness}
                  heatmap={heatmap}
                  subunits={subunits}
                  filters={f}
                  boxes={overviewBoxes(heatmap?.ok ? heatmap.data : undefined, f.category)}
                />
              </PendingArea>
            </ExportScope>
          </div>
        ) : (
          <div className="space-y-3">
            <h1 className="text-lg font-semibold">{t("heading")}</h1>
            <Notice tone="error">{overview.message}</Notice>
            <Link href={serializeFilters("/dashboard", { ...raw, unit: null })} className="text-sm text-party hover:underline">
              {t("backToOwn")}
            </Link>
          </div>
        )}
      </DashboardFiltersProvider>
    </ClientMessages>
  );
}
