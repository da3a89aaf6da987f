import { notFound } from "next/navigation";
import { requireActor } from "~/app/_lib/session";
import { getQueryClient, trpc } from "~/app/_lib/trpc/server";
import { readsReviews } from "~/server/scope";

/** A review-meeting page's id from its route, with `review.get` prefetched (the client shows any error). */
export async function prefetchReviewMeeting(params: Promise<{ id: string }>): Promise<number> {
  // Staff never see review meetings: the address answers like any unknown page.
  if (!readsReviews(await requireActor())) notFound();
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id <= 0) notFound();
  await getQueryClient()
    .prefetchQuery(trpc.review.get.queryOptions({ id }))
    .catch(() => undefined);
  return id;
}
