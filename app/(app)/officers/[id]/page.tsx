import { notFound } from "next/navigation";
import { requireActor } from "~/app/_lib/session";
import { getQueryClient, HydrateClient, trpc } from "~/app/_lib/trpc/server";
import { OfficerRecordClient } from "./client";
import "~/app/_styles/print-a4.css";
import { ClientMessages } from "~/app/_lib/client-messages";

type Props = { params: Promise<{ id: string }> };

/** 干部考察参考: one person's record as secretary across units and years, printable for the promotion file (~/app/_styles/print-a4.css). */
export default async function OfficerRecordPage({ params }: Props) {
  await requireActor();
  const { id } = await params;
  if (!/^[1-9]\d{0,9}$/.test(id) || Number(id) > 2_147_483_647) notFound();
  const qc = getQueryClient();
  await Promise.allSettled([qc.prefetchQuery(trpc.officer.record.queryOptions({ id: Number(id) }))]); // the client shows any error
  return (
    <ClientMessages entry="(app)/officers/[id]/page">
      <HydrateClient>
        <OfficerRecordClient id={Number(id)} />
      </HydrateClient>
    </ClientMessages>
  );
}
