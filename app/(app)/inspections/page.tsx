import { requireActor } from "~/app/_lib/session";
import { readForPage } from "~/app/_lib/trpc/page-read";
import { ListNavigation } from "../cases/list-navigation";
import { InspectionsClient } from "./client";
import { inspectionFiltersFromParams, type InspectionSearch } from "./params";
import { ClientMessages } from "~/app/_lib/client-messages";

/** 一岗双责 inspections of a subtree; filters come from the URL. */
export default async function InspectionsPage({ searchParams }: { searchParams: Promise<InspectionSearch> }) {
  const actor = await requireActor();
  const filters = inspectionFiltersFromParams(await searchParams, actor.unitId);
  const [list, unit] = await Promise.all([
    readForPage((api) => api.inspection.list(filters)),
    readForPage((api) => api.unit.get({ id: filters.unitId })),
  ]);
  return (
    <ClientMessages entry="(app)/inspections/page">
      <ListNavigation>
        <InspectionsClient filters={filters} list={list} unit={unit.ok ? unit.data : null} />
      </ListNavigation>
    </ClientMessages>
  );
}
