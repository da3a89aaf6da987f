import { readForPage } from "~/app/_lib/trpc/page-read";
import { reviewMeetingId } from "../meeting-id";
import { Minutes } from "./minutes";
import "~/app/_styles/print-a4.css";
import { ClientMessages } from "~/app/_lib/client-messages";

/** The minutes of a review meeting, printable as the paper record (~/app/_styles/print-a4.css). */
export default async function MinutesPage({ params }: { params: Promise<{ id: string }> }) {
  const id = await reviewMeetingId(params);
  const got = await readForPage((api) => api.review.get({ id }));
  return (
    <ClientMessages entry="(app)/review/[id]/minutes/page">
      <Minutes id={id} got={got} />
    </ClientMessages>
  );
}
