import { DashboardFiltersProvider } from "~/app/_components/charts/use-dashboard-filters";
import { loadDashboardFilters, resolveDashboardFilters } from "~/app/_components/charts/filter-params";
import { requireActor } from "~/app/_lib/session";
import { getQueryClient, HydrateClient, trpc } from "~/app/_lib/trpc/server";
import { CaseDashboardClient } from "./client";
import { caseDashboardInput, caseDashboardRange } from "./defaults";
import { ClientMessages } from "~/app/_lib/client-messages";

/** 问责统计: filters (`unit`, `from`, `to`, `cat`) come from the URL; the client reads them through useDashboardFilters. */
export default async function CaseDashboardPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActor();
  const defaults = { unitId: actor.unitId, ...caseDashboardRange() };
  const f = resolveDashboardFilters(await loadDashboardFilters(searchParams), defaults);
  const qc = getQueryClient();
  await Promise.allSettled([
    qc.prefetchQuery(trpc.case.dashboard.queryOptions(caseDashboardInput(f))),
    qc.prefetchQuery(trpc.unit.get.queryOptions({ id: f.unitId })),
  ]); // the client shows any error
  return (
    <ClientMessages entry="(app)/cases/dashboard/page">
      <HydrateClient>
        <DashboardFiltersProvider defaults={defaults}>
          <CaseDashboardClient />
        </DashboardFiltersProvider>
      </HydrateClient>
    </ClientMessages>
  );
}
