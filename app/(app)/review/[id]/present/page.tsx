import { notFound } from "next/navigation";
import { requireActor } from "~/app/_lib/session";
import { getQueryClient, HydrateClient, trpc } from "~/app/_lib/trpc/server";
import { PresentClient } from "./client";

/** The meeting itself: one full-screen slide per unit, keyboard-driven, decisions recorded as it goes. */
export default async function PresentPage({ params }: { params: Promise<{ id: string }> }) {
  await requireActor();
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id <= 0) notFound();
  await getQueryClient()
    .prefetchQuery(trpc.review.get.queryOptions({ id }))
    .catch(() => undefined);
  return (
    <HydrateClient>
      <PresentClient id={id} />
    </HydrateClient>
  );
}
