import { getTranslations } from "next-intl/server";
import { Notice } from "~/app/_components/ui/notice";
import { requireActor } from "~/app/_lib/session";
import { readForPage } from "~/app/_lib/trpc/page-read";
import { hasCapability } from "~/server/scope";
import { CatalogueClient } from "./client";
import { ClientMessages } from "~/app/_lib/client-messages";

/** 指标目录, rendered from server data: the catalogue is read here; a dialog's save reads the page again. */
export default async function CataloguePage() {
  const actor = await requireActor();
  const t = await getTranslations();
  // A courtesy: every catalogue procedure checks the capability again on the server.
  if (!hasCapability(actor, "manageCatalogue"))
    return (
      <ClientMessages entry="(app)/admin/catalogue/page">
        <Notice tone="error">{t("adminCatalogue.adminOnly")}</Notice>
      </ClientMessages>
    );
  const list = await readForPage((api) => api.catalogue.list());
  return (
    <ClientMessages entry="(app)/admin/catalogue/page">
      {list.ok ? <CatalogueClient catalogue={list.data} /> : <Notice tone="error">{t("common.error", { message: list.message })}</Notice>}
    </ClientMessages>
  );
}
