import { requireActor } from "~/app/_lib/session";
import { getQueryClient, HydrateClient, trpc } from "~/app/_lib/trpc/server";
import { unitQuarterFromParams } from "~/app/_lib/quarter-params";
import { ReportClient } from "./client";
import { ClientMessages } from "~/app/_lib/client-messages";

type Search = Promise<{ unit?: string; quarter?: string }>;

export default async function ReportPage({ searchParams }: { searchParams: Search }) {
  const actor = await requireActor();
  const sp = await searchParams;
  const { unitId, quarter, quarters, running } = unitQuarterFromParams(sp, actor.unitId);

  const qc = getQueryClient();
  await Promise.allSettled([
    qc.prefetchQuery(trpc.report.get.queryOptions({ unitId, quarter })),
    qc.prefetchQuery(trpc.indicator.list.queryOptions({ quarter })),
    qc.prefetchQuery(trpc.indicator.categories.queryOptions({ quarter })),
    qc.prefetchQuery(trpc.unit.get.queryOptions({ id: unitId })),
  ]);
  return (
    <ClientMessages entry="(app)/report/page">
      <HydrateClient>
        <ReportClient unitId={unitId} quarter={quarter} quarters={quarters} running={running} />
      </HydrateClient>
    </ClientMessages>
  );
}
