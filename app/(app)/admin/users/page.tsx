import { getTranslations } from "next-intl/server";
import { Notice } from "~/app/_components/ui/notice";
import { requireActor } from "~/app/_lib/session";
import { readForPage } from "~/app/_lib/trpc/page-read";
import { hasCapability } from "~/server/scope";
import { UsersAdmin } from "./client";
import { loadUsersList, usersListInput } from "./params";
import { ClientMessages } from "~/app/_lib/client-messages";

type Search = Promise<Record<string, string | string[] | undefined>>;

/** 账号管理, rendered from server data: the filters and page come from the URL; a save reads the page again. */
export default async function AdminUsersPage({ searchParams }: { searchParams: Search }) {
  const actor = await requireActor();
  // A courtesy for people who type the URL; every user procedure checks the capability itself.
  if (!hasCapability(actor, "manageUsers")) {
    return (
      <ClientMessages entry="(app)/admin/users/page">
        <Notice>{(await getTranslations("adminUsers"))("adminOnly")}</Notice>
      </ClientMessages>
    );
  }
  const input = usersListInput(loadUsersList(await searchParams));
  const [list, units] = await Promise.all([readForPage((api) => api.user.list(input)), readForPage((api) => api.unit.adminList())]);
  return (
    <ClientMessages entry="(app)/admin/users/page">
      <UsersAdmin actorId={actor.id} list={list} units={units.ok ? units.data : []} />
    </ClientMessages>
  );
}
