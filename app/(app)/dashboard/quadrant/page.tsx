import { defaultDashboardRange, loadDashboardFilters, resolveDashboardFilters } from "~/app/_components/charts/filter-params";
import { DashboardFiltersProvider } from "~/app/_components/charts/use-dashboard-filters";
import { requireActor } from "~/app/_lib/session";
import { getQueryClient, HydrateClient, trpc } from "~/app/_lib/trpc/server";
import { readsOnlyOwnUnit } from "~/server/scope";
import { QuadrantClient } from "./client";
import { loadLevel, quadrantInput } from "./level-param";
import { ClientMessages } from "~/app/_lib/client-messages";

type Search = Promise<Record<string, string | string[] | undefined>>;

/** 重业务轻党建: filters (`unit`, `from`, `to`, `inc`, `level`) come from the URL. */
export default async function QuadrantPage({ searchParams }: { searchParams: Search }) {
  const actor = await requireActor();
  const sp = await searchParams;
  const defaults = { unitId: actor.unitId, ...defaultDashboardRange() };
  const f = resolveDashboardFilters(loadDashboardFilters(sp), defaults);
  const { level } = loadLevel(sp);
  const qc = getQueryClient();
  await Promise.allSettled([
    qc.prefetchQuery(trpc.dashboard.quadrant.queryOptions(quadrantInput(f, level))),
    qc.prefetchQuery(trpc.dashboard.overview.queryOptions({ unitId: f.unitId, from: f.to, to: f.to, include: f.include })),
    qc.prefetchQuery(trpc.unit.tree.queryOptions({ rootId: f.unitId, depth: 1 })),
  ]); // the client shows any error
  return (
    <ClientMessages entry="(app)/dashboard/quadrant/page">
      <HydrateClient>
        <DashboardFiltersProvider defaults={defaults}>
          <QuadrantClient ownUnitOnly={readsOnlyOwnUnit(actor)} />
        </DashboardFiltersProvider>
      </HydrateClient>
    </ClientMessages>
  );
}
