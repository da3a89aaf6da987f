import { notFound } from "next/navigation";
import { requireActor } from "~/app/_lib/session";
import { readForPage } from "~/app/_lib/trpc/page-read";
import { CaseDetail } from "./case-detail";
import { ClientMessages } from "~/app/_lib/client-messages";

/** One case: facts, source, timeline, rectification items, and (for those who may) the handling controls. */
export default async function CasePage({ params }: { params: Promise<{ id: string }> }) {
  await requireActor();
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id <= 0) notFound();
  const got = await readForPage((api) => api.case.get({ id }));
  return (
    <ClientMessages entry="(app)/cases/[id]/page">
      <CaseDetail got={got} />
    </ClientMessages>
  );
}
