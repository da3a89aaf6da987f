import { readForPage } from "~/app/_lib/trpc/page-read";
import { reviewMeetingId } from "../meeting-id";
import { PresentClient } from "./client";
import { ClientMessages } from "~/app/_lib/client-messages";

/** The meeting itself: one full-screen slide per unit, keyboard-driven, decisions recorded as it goes. Read from `review.get` on the server. */
export default async function PresentPage({ params }: { params: Promise<{ id: string }> }) {
  const id = await reviewMeetingId(params);
  const got = await readForPage((api) => api.review.get({ id }));
  return (
    <ClientMessages entry="(app)/review/[id]/present/page">
      <PresentClient id={id} got={got} />
    </ClientMessages>
  );
}
