import { unitQuarterFromParams } from "~/app/_lib/quarter-params";
import { requireActor } from "~/app/_lib/session";
import { getQueryClient, HydrateClient, trpc } from "~/app/_lib/trpc/server";
import { CompletenessClient } from "./client";
import { ClientMessages } from "~/app/_lib/client-messages";

type Search = Promise<{ unit?: string; quarter?: string }>;

export default async function CompletenessPage({ searchParams }: { searchParams: Search }) {
  const actor = await requireActor();
  const picked = unitQuarterFromParams(await searchParams, actor.unitId);
  const qc = getQueryClient();
  await Promise.allSettled([
    qc.prefetchQuery(trpc.completeness.get.queryOptions({ unitId: picked.unitId, quarter: picked.quarter })),
    qc.prefetchQuery(trpc.unit.get.queryOptions({ id: picked.unitId })),
  ]);
  return (
    <ClientMessages entry="(app)/completeness/page">
      <HydrateClient>
        <CompletenessClient {...picked} />
      </HydrateClient>
    </ClientMessages>
  );
}
