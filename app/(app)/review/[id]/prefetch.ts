import { getQueryClient, trpc } from "~/app/_lib/trpc/server";
import { reviewMeetingId } from "./meeting-id";

/** A review-meeting page's id from its route, with `review.get` prefetched (the client shows any error). */
export async function prefetchReviewMeeting(params: Promise<{ id: string }>): Promise<number> {
  const id = await reviewMeetingId(params);
  await getQueryClient()
    .prefetchQuery(trpc.review.get.queryOptions({ id }))
    .catch(() => undefined);
  return id;
}
