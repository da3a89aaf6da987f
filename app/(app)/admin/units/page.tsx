import { getTranslations } from "next-intl/server";
import { Notice } from "~/app/_components/ui/notice";
import { requireActor } from "~/app/_lib/session";
import { getQueryClient, HydrateClient, trpc } from "~/app/_lib/trpc/server";
import { hasCapability } from "~/server/scope";
import { UnitsAdmin } from "./client";
import { ClientMessages } from "~/app/_lib/client-messages";

export default async function AdminUnitsPage() {
  const actor = await requireActor();
  // A courtesy for people who type the URL; every unit procedure checks the capability itself.
  if (!hasCapability(actor, "manageUnits")) {
    return (
      <ClientMessages entry="(app)/admin/units/page">
        <Notice>{(await getTranslations("adminUnits"))("adminOnly")}</Notice>
      </ClientMessages>
    );
  }
  await getQueryClient().prefetchQuery(trpc.unit.adminList.queryOptions());
  return (
    <ClientMessages entry="(app)/admin/units/page">
      <HydrateClient>
        <UnitsAdmin />
      </HydrateClient>
    </ClientMessages>
  );
}
