import { unitQuarterFromParams } from "~/app/_lib/quarter-params";
import { requireActor } from "~/app/_lib/session";
import { getQueryClient, HydrateClient, trpc } from "~/app/_lib/trpc/server";
import { MeetingsClient } from "./client";
import { ClientMessages } from "~/app/_lib/client-messages";

type Search = Promise<{ unit?: string; quarter?: string }>;

export default async function MeetingsPage({ searchParams }: { searchParams: Search }) {
  const actor = await requireActor();
  const picked = unitQuarterFromParams(await searchParams, actor.unitId);
  const { unitId, quarter } = picked;
  const qc = getQueryClient();
  await Promise.allSettled([
    qc.prefetchQuery(trpc.meeting.list.queryOptions({ unitId, from: quarter, to: quarter })),
    qc.prefetchQuery(trpc.meeting.completion.queryOptions({ unitId, quarter })),
    qc.prefetchQuery(trpc.meeting.flags.queryOptions({ unitId, from: quarter, to: quarter, subtree: false })),
    qc.prefetchQuery(trpc.unit.get.queryOptions({ id: unitId })),
    // The flags panel offers 立案问责 by role: have it on the first render.
    qc.prefetchQuery(trpc.me.get.queryOptions()),
  ]);
  return (
    <ClientMessages entry="(app)/meetings/page">
      <HydrateClient>
        <MeetingsClient {...picked} />
      </HydrateClient>
    </ClientMessages>
  );
}
