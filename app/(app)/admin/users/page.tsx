import { getTranslations } from "next-intl/server";
import { Notice } from "~/app/_components/ui/notice";
import { requireActor } from "~/app/_lib/session";
import { getQueryClient, HydrateClient, trpc } from "~/app/_lib/trpc/server";
import { hasCapability } from "~/server/scope";
import { UsersAdmin } from "./client";
import { firstPage } from "./list-input";
import { ClientMessages } from "~/app/_lib/client-messages";

export default async function AdminUsersPage() {
  const actor = await requireActor();
  // A courtesy for people who type the URL; every user procedure checks the capability itself.
  if (!hasCapability(actor, "manageUsers")) {
    return (
      <ClientMessages entry="(app)/admin/users/page">
        <Notice>{(await getTranslations("adminUsers"))("adminOnly")}</Notice>
      </ClientMessages>
    );
  }
  const qc = getQueryClient();
  await Promise.all([qc.prefetchQuery(trpc.user.list.queryOptions(firstPage)), qc.prefetchQuery(trpc.unit.adminList.queryOptions())]);
  return (
    <ClientMessages entry="(app)/admin/users/page">
      <HydrateClient>
        <UsersAdmin actorId={actor.id} />
      </HydrateClient>
    </ClientMessages>
  );
}
