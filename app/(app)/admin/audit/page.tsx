import { getTranslations } from "next-intl/server";
import { Notice } from "~/app/_components/ui/notice";
import { requireActor } from "~/app/_lib/session";
import { getQueryClient, HydrateClient, trpc } from "~/app/_lib/trpc/server";
import { hasCapability } from "~/server/scope";
import { AuditClient } from "./client";
import { filtersFromSearch, searchInput } from "./filters";
import { ClientMessages } from "~/app/_lib/client-messages";

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function AuditPage({ searchParams }: { searchParams: Search }) {
  const actor = await requireActor();
  // A courtesy: audit.search checks the capability again on the server.
  if (!hasCapability(actor, "viewAudit"))
    return (
      <ClientMessages entry="(app)/admin/audit/page">
        <Notice tone="error">{(await getTranslations("adminAudit"))("adminOnly")}</Notice>
      </ClientMessages>
    );
  const filters = filtersFromSearch(await searchParams);
  const qc = getQueryClient();
  await Promise.allSettled([
    qc.prefetchInfiniteQuery(trpc.audit.search.infiniteQueryOptions(searchInput(filters), { getNextPageParam: (page) => page.nextCursor })),
    filters.unitId ? qc.prefetchQuery(trpc.unit.get.queryOptions({ id: filters.unitId })) : null,
  ]);
  return (
    <ClientMessages entry="(app)/admin/audit/page">
      <HydrateClient>
        <AuditClient filters={filters} />
      </HydrateClient>
    </ClientMessages>
  );
}
