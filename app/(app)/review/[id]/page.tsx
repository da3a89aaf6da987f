import { notFound } from "next/navigation";
import { requireActor } from "~/app/_lib/session";
import { getQueryClient, HydrateClient, trpc } from "~/app/_lib/trpc/server";
import { ReviewMeetingClient } from "./client";

/** One review meeting: its agenda (editable until it closes), start, presentation, close, minutes. */
export default async function ReviewMeetingPage({ params }: { params: Promise<{ id: string }> }) {
  await requireActor();
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id <= 0) notFound();
  await getQueryClient()
    .prefetchQuery(trpc.review.get.queryOptions({ id }))
    .catch(() => undefined);
  return (
    <HydrateClient>
      <ReviewMeetingClient id={id} />
    </HydrateClient>
  );
}
