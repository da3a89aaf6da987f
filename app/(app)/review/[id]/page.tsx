import { HydrateClient } from "~/app/_lib/trpc/server";
import { prefetchReviewMeeting } from "./prefetch";
import { ReviewMeetingClient } from "./client";

/** One review meeting: its agenda (editable until it closes), start, presentation, close, minutes. */
export default async function ReviewMeetingPage({ params }: { params: Promise<{ id: string }> }) {
  const id = await prefetchReviewMeeting(params);
  return (
    <HydrateClient>
      <ReviewMeetingClient id={id} />
    </HydrateClient>
  );
}
