import { notFound } from "next/navigation";
import { requireActor } from "~/app/_lib/session";
import { getQueryClient, HydrateClient, trpc } from "~/app/_lib/trpc/server";
import { CaseClient } from "./client";
import { ClientMessages } from "~/app/_lib/client-messages";

/** One case: facts, source, timeline, rectification items, and (for those who may) the handling controls. */
export default async function CasePage({ params }: { params: Promise<{ id: string }> }) {
  await requireActor();
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id <= 0) notFound();
  const qc = getQueryClient();
  await qc.prefetchQuery(trpc.case.get.queryOptions({ id })).catch(() => undefined);
  return (
    <ClientMessages entry="(app)/cases/[id]/page">
      <HydrateClient>
        <CaseClient id={id} />
      </HydrateClient>
    </ClientMessages>
  );
}
