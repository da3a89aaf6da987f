import { requireActor } from "~/app/_lib/session";
import { getQueryClient, HydrateClient, trpc } from "~/app/_lib/trpc/server";
import { OverdueItemsClient } from "./client";
import { ClientMessages } from "~/app/_lib/client-messages";

/** 逾期的点评整改事项: every overdue comment item of the units the caller reads (the to-do's “查看全部”). */
export default async function OverdueItemsPage() {
  const actor = await requireActor();
  const qc = getQueryClient();
  await qc.prefetchQuery(trpc.assessment.overdueItems.queryOptions({ unitId: actor.unitId })).catch(() => undefined);
  return (
    <ClientMessages entry="(app)/assessment/items/page">
      <HydrateClient>
        <OverdueItemsClient unitId={actor.unitId} />
      </HydrateClient>
    </ClientMessages>
  );
}
