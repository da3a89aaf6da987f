import { getTranslations } from "next-intl/server";
import { Notice } from "~/app/_components/ui/notice";
import { requireActor } from "~/app/_lib/session";
import { readForPage } from "~/app/_lib/trpc/page-read";
import { hasCapability } from "~/server/scope";
import { UnitsAdmin } from "./client";
import { ClientMessages } from "~/app/_lib/client-messages";

/** 组织管理, rendered from server data: the whole tree is read here; folding and the name filter run in the browser. */
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
  const list = await readForPage((api) => api.unit.adminList());
  return (
    <ClientMessages entry="(app)/admin/units/page">
      <UnitsAdmin list={list} />
    </ClientMessages>
  );
}
