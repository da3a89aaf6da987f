import { HydrateClient } from "~/app/_lib/trpc/server";
import { prefetchReviewMeeting } from "../prefetch";
import { PresentClient } from "./client";
import { ClientMessages } from "~/app/_lib/client-messages";

/** The meeting itself: one full-screen slide per unit, keyboard-driven, decisions recorded as it goes. */
export default async function PresentPage({ params }: { params: Promise<{ id: string }> }) {
  const id = await prefetchReviewMeeting(params);
  return (
    <ClientMessages entry="(app)/review/[id]/present/page">
      <HydrateClient>
        <PresentClient id={id} />
      </HydrateClient>
    </ClientMessages>
  );
}
