import { notFound } from "next/navigation";
import { requireActor } from "~/app/_lib/session";
import { readsReviews } from "~/server/scope";
import { getQueryClient, HydrateClient, trpc } from "~/app/_lib/trpc/server";
import { ReviewListClient } from "./client";

/** The review meetings of a subtree (`?unit=`, default the user's unit). */
export default async function ReviewListPage({ searchParams }: { searchParams: Promise<{ unit?: string }> }) {
  const actor = await requireActor();
  if (!readsReviews(actor)) notFound();
  const sp = await searchParams;
  const unitId = Number(sp.unit) > 0 ? Math.floor(Number(sp.unit)) : actor.unitId;
  await getQueryClient()
    .prefetchQuery(trpc.review.list.queryOptions({ unitId }))
    .catch(() => undefined); // the client shows the error
  return (
    <HydrateClient>
      <ReviewListClient unitId={unitId} />
    </HydrateClient>
  );
}
