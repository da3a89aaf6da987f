import { notFound } from "next/navigation";
import { requireActor } from "~/app/_lib/session";
import { readsReviews } from "~/server/scope";
import { getQueryClient, HydrateClient, trpc } from "~/app/_lib/trpc/server";
import { ReviewListClient } from "./client";
import { loadReviewList } from "./params";
import { ClientMessages } from "~/app/_lib/client-messages";

/** The review meetings of a subtree (`?unit=`, default the user's unit). */
export default async function ReviewListPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  if (!readsReviews(actor)) notFound();
  const unitId = (await loadReviewList(searchParams)).unit ?? actor.unitId;
  await getQueryClient()
    .prefetchQuery(trpc.review.list.queryOptions({ unitId }))
    .catch(() => undefined); // the client shows the error
  return (
    <ClientMessages entry="(app)/review/page">
      <HydrateClient>
        <ReviewListClient unitId={unitId} />
      </HydrateClient>
    </ClientMessages>
  );
}
