import { requireActor } from "~/app/_lib/session";
import { getQueryClient, HydrateClient, trpc } from "~/app/_lib/trpc/server";
import { InspectionsClient } from "./client";
import { inspectionFiltersFromParams, type InspectionSearch } from "./params";
import { ClientMessages } from "~/app/_lib/client-messages";

/** 一岗双责 inspections of a subtree; filters come from the URL. */
export default async function InspectionsPage({ searchParams }: { searchParams: Promise<InspectionSearch> }) {
  const actor = await requireActor();
  const filters = inspectionFiltersFromParams(await searchParams, actor.unitId);
  const qc = getQueryClient();
  await Promise.allSettled([
    qc.prefetchQuery(trpc.inspection.list.queryOptions(filters)),
    qc.prefetchQuery(trpc.unit.get.queryOptions({ id: filters.unitId })),
  ]);
  return (
    <ClientMessages entry="(app)/inspections/page">
      <HydrateClient>
        <InspectionsClient filters={filters} />
      </HydrateClient>
    </ClientMessages>
  );
}
