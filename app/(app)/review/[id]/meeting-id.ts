import "server-only";
import { notFound } from "next/navigation";
import { requireActor } from "~/app/_lib/session";
import { readsReviews } from "~/server/scope";

/** A review-meeting page's id from its route; staff and a malformed id get the not-found page. */
export async function reviewMeetingId(params: Promise<{ id: string }>): Promise<number> {
  // Staff never see review meetings: the address answers like any unknown page.
  if (!readsReviews(await requireActor())) notFound();
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id <= 0) notFound();
  return id;
}
