import { requireActor } from "~/app/_lib/session";
import { readForPage } from "~/app/_lib/trpc/page-read";
import { caseFiltersFromParams, caseOpenFromParams, type CaseSearch } from "./params";
import { CaseList } from "./case-list";
import { ClientMessages } from "~/app/_lib/client-messages";

/** The case list; filters and a pre-filled 立案 form (from a flag) come from the URL. */
export default async function CasesPage({ searchParams }: { searchParams: Promise<CaseSearch> }) {
  const actor = await requireActor();
  const sp = await searchParams;
  const filters = caseFiltersFromParams(sp, actor.unitId);
  const [list, unit] = await Promise.all([
    readForPage((api) => api.case.list(filters)),
    readForPage((api) => api.unit.get({ id: filters.unitId })),
  ]);
  return (
    <ClientMessages entry="(app)/cases/page">
      <CaseList filters={filters} prefill={caseOpenFromParams(sp)} list={list} unit={unit.ok ? unit.data : null} />
    </ClientMessages>
  );
}
