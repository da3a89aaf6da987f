import { notFound } from "next/navigation";
import { requireActor } from "~/app/_lib/session";
import { readForPage } from "~/app/_lib/trpc/page-read";
import { OfficerRecord } from "./record";
import "~/app/_styles/print-a4.css";
import { ClientMessages } from "~/app/_lib/client-messages";

type Props = { params: Promise<{ id: string }> };

/** 干部考察参考: one person's record as secretary across units and years, printable for the promotion file (~/app/_styles/print-a4.css). */
export default async function OfficerRecordPage({ params }: Props) {
  await requireActor();
  const { id } = await params;
  if (!/^[1-9]\d{0,9}$/.test(id) || Number(id) > 2_147_483_647) notFound();
  const record = await readForPage((api) => api.officer.record({ id: Number(id) }));
  return (
    <ClientMessages entry="(app)/officers/[id]/page">
      <OfficerRecord record={record} />
    </ClientMessages>
  );
}
