import { requireActor } from "~/app/_lib/session";
import { getQueryClient, HydrateClient, trpc } from "~/app/_lib/trpc/server";
import { caseFiltersFromParams, caseOpenFromParams, type CaseSearch } from "./params";
import { CasesClient } from "./client";
import { ClientMessages } from "~/app/_lib/client-messages";

/** The case list; filters and a pre-filled 立案 form (from a flag) come from the URL. */
export default async function CasesPage({ searchParams }: { searchParams: Promise<CaseSearch> }) {
  const actor = await requireActor();
  const sp = await searchParams;
  const filters = caseFiltersFromParams(sp, actor.unitId);
  const qc = getQueryClient();
  await Promise.allSettled([
    qc.prefetchQuery(trpc.case.list.queryOptions(filters)),
    qc.prefetchQuery(trpc.unit.get.queryOptions({ id: filters.unitId })),
  ]);
  return (
    <ClientMessages entry="(app)/cases/page">
      <HydrateClient>
        <CasesClient filters={filters} prefill={caseOpenFromParams(sp)} />
      </HydrateClient>
    </ClientMessages>
  );
}
