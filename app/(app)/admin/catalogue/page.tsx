import { getTranslations } from "next-intl/server";
import { Notice } from "~/app/_components/ui/notice";
import { requireActor } from "~/app/_lib/session";
import { getQueryClient, HydrateClient, trpc } from "~/app/_lib/trpc/server";
import { hasCapability } from "~/server/scope";
import { CatalogueClient } from "./client";
import { ClientMessages } from "~/app/_lib/client-messages";

export default async function CataloguePage() {
  const actor = await requireActor();
  // A courtesy: every catalogue procedure checks the capability again on the server.
  if (!hasCapability(actor, "manageCatalogue"))
    return (
      <ClientMessages entry="(app)/admin/catalogue/page">
        <Notice tone="error">{(await getTranslations("adminCatalogue"))("adminOnly")}</Notice>
      </ClientMessages>
    );
  await getQueryClient()
    .prefetchQuery(trpc.catalogue.list.queryOptions())
    .catch(() => undefined); // the client shows the error
  return (
    <ClientMessages entry="(app)/admin/catalogue/page">
      <HydrateClient>
        <CatalogueClient />
      </HydrateClient>
    </ClientMessages>
  );
}
