import { HydrateClient } from "~/app/_lib/trpc/server";
import { prefetchReviewMeeting } from "../prefetch";
import { MinutesClient } from "./client";
import "~/app/_styles/print-a4.css";
import { ClientMessages } from "~/app/_lib/client-messages";

/** The minutes of a review meeting, printable as the paper record (~/app/_styles/print-a4.css). */
export default async function MinutesPage({ params }: { params: Promise<{ id: string }> }) {
  const id = await prefetchReviewMeeting(params);
  return (
    <ClientMessages entry="(app)/review/[id]/minutes/page">
      <HydrateClient>
        <MinutesClient id={id} />
      </HydrateClient>
    </ClientMessages>
  );
}
