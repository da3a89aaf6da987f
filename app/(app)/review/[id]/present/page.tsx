import { HydrateClient } from "~/app/_lib/trpc/server";
import { prefetchReviewMeeting } from "../prefetch";
import { PresentClient } from "./client";

/** The meeting itself: one full-screen slide per unit, keyboard-driven, decisions recorded as it goes. */
export default async function PresentPage({ params }: { params: Promise<{ id: string }> }) {
  const id = await prefetchReviewMeeting(params);
  return (
    <HydrateClient>
      <PresentClient id={id} />
    </HydrateClient>
  );
}
