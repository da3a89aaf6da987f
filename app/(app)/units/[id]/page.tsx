import { notFound } from "next/navigation";
import { defaultDashboardRange, loadDashboardFilters, resolveDashboardFilters } from "~/app/_components/charts/filter-params";
import { DashboardFiltersProvider } from "~/app/_components/charts/use-dashboard-filters";
import { requireActor } from "~/app/_lib/session";
import { quarterRange } from "~/lib/quarter";
import { getQueryClient, HydrateClient, trpc } from "~/app/_lib/trpc/server";
import { UnitPageClient } from "./client";
import { ClientMessages } from "~/app/_lib/client-messages";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** 单位页: one unit's trends, reports, meetings and cases; range and `inc` come from the URL. */
export default async function UnitPage({ params, searchParams }: Props) {
  await requireActor();
  const { id } = await params;
  if (!/^[1-9]\d{0,9}$/.test(id) || Number(id) > 2_147_483_647) notFound();
  const unitId = Number(id);
  const defaults = { unitId, ...defaultDashboardRange() };
  const f = resolveDashboardFilters(await loadDashboardFilters(searchParams), defaults);
  const range = { unitId, from: f.from, to: f.to };
  const qc = getQueryClient();
  await Promise.allSettled([
    qc.prefetchQuery(trpc.unit.tree.queryOptions({ rootId: unitId, depth: 1 })),
    qc.prefetchQuery(trpc.dashboard.overview.queryOptions({ ...range, include: f.include })),
    qc.prefetchQuery(trpc.meeting.list.queryOptions(range)),
    qc.prefetchQuery(trpc.case.list.queryOptions({ unitId })),
    qc.prefetchQuery(trpc.officer.list.queryOptions({ unitId })),
    // The reports card's quarters: drawn complete with the page, no request and re-render after it.
    ...quarterRange(f.from, f.to).map((quarter) => qc.prefetchQuery(trpc.report.get.queryOptions({ unitId, quarter }))),
  ]); // the client shows any error
  return (
    <ClientMessages entry="(app)/units/[id]/page">
      <HydrateClient>
        <DashboardFiltersProvider defaults={defaults}>
          <UnitPageClient unitId={unitId} />
        </DashboardFiltersProvider>
      </HydrateClient>
    </ClientMessages>
  );
}
