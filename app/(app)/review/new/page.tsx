import { loadReviewInclude } from "./params";
import { unitQuarterFromParams } from "~/app/_lib/quarter-params";
import { notFound } from "next/navigation";
import { requireActor } from "~/app/_lib/session";
import { chairsReviews } from "~/server/scope";
import { getQueryClient, HydrateClient, trpc } from "~/app/_lib/trpc/server";
import { NewReviewClient } from "./client";

type Search = Promise<{ unit?: string; quarter?: string; include?: string }>;

/** Convene a review meeting: subtree and quarter from the URL, the proposed agenda to edit. */
export default async function NewReviewPage({ searchParams }: { searchParams: Search }) {
  const actor = await requireActor();
  if (!chairsReviews(actor)) notFound();
  const sp = await searchParams;
  const picked = unitQuarterFromParams(sp, actor.unitId);
  const { include } = loadReviewInclude(sp);
  const qc = getQueryClient();
  await Promise.allSettled([
    qc.prefetchQuery(trpc.review.propose.queryOptions({ unitId: picked.unitId, quarter: picked.quarter, include })),
    qc.prefetchQuery(trpc.unit.get.queryOptions({ id: picked.unitId })),
  ]);
  return (
    <HydrateClient>
      <NewReviewClient {...picked} include={include} />
    </HydrateClient>
  );
}
