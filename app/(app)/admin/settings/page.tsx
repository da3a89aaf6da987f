import { getTranslations } from "next-intl/server";
import { Notice } from "~/app/_components/ui/notice";
import { requireActor } from "~/app/_lib/session";
import { getQueryClient, HydrateClient, trpc } from "~/app/_lib/trpc/server";
import { defaultReportingQuarter } from "~/lib/quarter";
import { hasCapability } from "~/server/scope";
import { SettingsClient } from "./client";
import { ClientMessages } from "~/app/_lib/client-messages";

export default async function SettingsPage() {
  const actor = await requireActor();
  // A courtesy: settings.get and settings.update check the capability again on the server.
  if (!hasCapability(actor, "manageSettings"))
    return (
      <ClientMessages entry="(app)/admin/settings/page">
        <Notice tone="error">{(await getTranslations("adminSettings"))("adminOnly")}</Notice>
      </ClientMessages>
    );
  await getQueryClient()
    .prefetchQuery(trpc.settings.get.queryOptions())
    .catch(() => undefined); // the client shows the error
  return (
    <ClientMessages entry="(app)/admin/settings/page">
      <HydrateClient>
        <SettingsClient exampleQuarter={defaultReportingQuarter()} />
      </HydrateClient>
    </ClientMessages>
  );
}
