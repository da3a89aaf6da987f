import { getTranslations } from "next-intl/server";
import { Notice } from "~/app/_components/ui/notice";
import { requireActor } from "~/app/_lib/session";
import { readForPage } from "~/app/_lib/trpc/page-read";
import { hasCapability } from "~/server/scope";
import { OfficersAdmin } from "./client";
import { loadOfficerRosterParams } from "./params";
import { ClientMessages } from "~/app/_lib/client-messages";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** 干部名册: one unit's committee tenures, kept by admins; the unit comes from the URL. Rendered from server data. */
export default async function AdminOfficersPage({ searchParams }: Props) {
  const actor = await requireActor();
  // A courtesy for people who type the URL; every roster write checks the capability itself.
  if (!hasCapability(actor, "manageAssessment"))
    return (
      <ClientMessages entry="(app)/admin/officers/page">
        <Notice>{(await getTranslations("officers.roster"))("adminOnly")}</Notice>
      </ClientMessages>
    );
  const { unit } = await loadOfficerRosterParams(searchParams);
  const unitId = unit ?? actor.unitId;
  const [list, unitRead] = await Promise.all([
    readForPage((api) => api.officer.list({ unitId })),
    readForPage((api) => api.unit.get({ id: unitId })),
  ]);
  return (
    <ClientMessages entry="(app)/admin/officers/page">
      <OfficersAdmin unitId={unitId} unit={unitRead.ok ? unitRead.data : null} list={list} />
    </ClientMessages>
  );
}
