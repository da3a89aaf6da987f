import { notFound } from "next/navigation";
import { requireActor } from "~/app/_lib/session";
import { getQueryClient, HydrateClient, trpc } from "~/app/_lib/trpc/server";
import { MinutesClient } from "./client";
import "./print.css";

/** The minutes of a review meeting, printable as the paper record (print stylesheet in ./print.css). */
export default async function MinutesPage({ params }: { params: Promise<{ id: string }> }) {
  await requireActor();
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id <= 0) notFound();
  await getQueryClient()
    .prefetchQuery(trpc.review.get.queryOptions({ id }))
    .catch(() => undefined);
  return (
    <HydrateClient>
      <MinutesClient id={id} />
    </HydrateClient>
  );
}
