import { ExportScope } from "~/app/_components/charts/export-meta";
import { DashboardFiltersProvider } from "~/app/_components/charts/use-dashboard-filters";
import { loadDashboardFilters, resolveDashboardFilters } from "~/app/_components/charts/filter-params";
import { requireActor } from "~/app/_lib/session";
import { readForPage } from "~/app/_lib/trpc/page-read";
import { CaseDashboardClient } from "./client";
import { caseDashboardInput, caseDashboardRange } from "./defaults";
import { ClientMessages } from "~/app/_lib/client-messages";

/** 问责统计, rendered from server data: filters (`unit`, `from`, `to`, `cat`) come from the URL; a change asks the server for the page again. */
export default async function CaseDashboardPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActor();
  const defaults = { unitId: actor.unitId, ...caseDashboardRange() };
  const f = resolveDashboardFilters(await loadDashboardFilters(searchParams), defaults);
  const [read, unit] = await Promise.all([
    readForPage((api) => api.case.dashboard(caseDashboardInput(f))),
    readForPage((api) => api.unit.get({ id: f.unitId })),
  ]);
  const data = read.ok ? read.data : null;
  return (
    <ClientMessages entry="(app)/cases/dashboard/page">
      <DashboardFiltersProvider defaults={defaults} serverDriven>
        <ExportScope unitName={data?.unitName} from={data?.from ?? f.from} to={data?.to ?? f.to} ownUnitOnly={!!data?.ownUnitOnly}>
          <CaseDashboardClient read={read} unit={unit.ok ? unit.data : null} />
        </ExportScope>
      </DashboardFiltersProvider>
    </ClientMessages>
  );
}
