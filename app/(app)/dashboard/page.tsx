import { loadDashboardFilters, defaultDashboardRange, resolveDashboardFilters } from "~/app/_components/charts/filter-params";
import { requireActor } from "~/app/_lib/session";
import { getQueryClient, HydrateClient, trpc } from "~/app/_lib/trpc/server";
import { readsOnlyOwnUnit } from "~/server/scope";
import { DashboardClient } from "./client";
import { ClientMessages } from "~/app/_lib/client-messages";

type Search = Promise<Record<string, string | string[] | undefined>>;

/** The overview: prefetches what the URL's filters ask for, then the client draws and drills. */
export default async function DashboardPage({ searchParams }: { searchParams: Search }) {
  const actor = await requireActor();
  const defaults = { unitId: actor.unitId, ...defaultDashboardRange() };
  const f = resolveDashboardFilters(await loadDashboardFilters(searchParams), defaults);
  const ownUnitOnly = readsOnlyOwnUnit(actor);
  const qc = getQueryClient();
  const input = { unitId: f.unitId, from: f.from, to: f.to, include: f.include };
  // Errors are not thrown here: the client shows them.
  const [overview] = await Promise.allSettled([
    qc.fetchQuery(trpc.dashboard.overview.queryOptions(input)),
    qc.prefetchQuery(trpc.dashboard.completeness.queryOptions({ unitId: f.unitId, quarter: f.to })),
  ]);
  const focus = f.from === f.to ? f.from : overview.status === "fulfilled" ? overview.value.latest?.quarter : undefined;
  if (focus && !ownUnitOnly) {
    await qc.prefetchQuery(trpc.dashboard.heatmap.queryOptions({ unitId: f.unitId, quarter: focus, include: f.include }));
  }
  return (
    <ClientMessages entry="(app)/dashboard/page">
      <HydrateClient>
        <DashboardClient defaults={defaults} ownUnitOnly={ownUnitOnly} />
      </HydrateClient>
    </ClientMessages>
  );
}
