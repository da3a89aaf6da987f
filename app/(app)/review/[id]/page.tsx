import { HydrateClient } from "~/app/_lib/trpc/server";
import { prefetchReviewMeeting } from "./prefetch";
import { ReviewMeetingClient } from "./client";
import { ClientMessages } from "~/app/_lib/client-messages";

/** One review meeting: its agenda (editable until it closes), start, presentation, close, minutes. */
export default async function ReviewMeetingPage({ params }: { params: Promise<{ id: string }> }) {
  const id = await prefetchReviewMeeting(params);
  return (
    <ClientMessages entry="(app)/review/[id]/page">
      <HydrateClient>
        <ReviewMeetingClient id={id} />
      </HydrateClient>
    </ClientMessages>
  );
}
