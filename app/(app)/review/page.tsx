import { notFound } from "next/navigation";
import { requireActor } from "~/app/_lib/session";
import { readsReviews } from "~/server/scope";
import { readForPage } from "~/app/_lib/trpc/page-read";
import { ReviewList } from "./review-list";
import { loadReviewList } from "./params";

/** The review meetings of a subtree (`?unit=`, default the user's unit). */
export default async function ReviewListPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  if (!readsReviews(actor)) notFound();
  const unitId = (await loadReviewList(searchParams)).unit ?? actor.unitId;
  const list = await readForPage((api) => api.review.list({ unitId }));
  return <ReviewList unitId={unitId} list={list} />;
}
