import { getLocale, getTranslations } from "next-intl/server";
import { Notice } from "~/app/_components/ui/notice";
import { requireActor } from "~/app/_lib/session";
import { readForPage } from "~/app/_lib/trpc/page-read";
import { hasCapability } from "~/server/scope";
import { AuditClient } from "./client";
import { filtersFromSearch, pagesFromSearch } from "./filters";
import { readAuditLog } from "./read-log";
import { ClientMessages } from "~/app/_lib/client-messages";

type Search = Promise<Record<string, string | string[] | undefined>>;

/** 审计日志, rendered from server data: the filters and how many pages are shown live in the URL. */
export default async function AuditPage({ searchParams }: { searchParams: Search }) {
  const actor = await requireActor();
  // A courtesy: audit.search checks the capability again on the server.
  if (!hasCapability(actor, "viewAudit"))
    return (
      <ClientMessages entry="(app)/admin/audit/page">
        <Notice tone="error">{(await getTranslations("adminAudit"))("adminOnly")}</Notice>
      </ClientMessages>
    );
  const sp = await searchParams;
  const filters = filtersFromSearch(sp);
  const pages = pagesFromSearch(sp);
  const unitId = filters.unitId;
  const [log, unit] = await Promise.all([
    readAuditLog(filters, pages, await getLocale()),
    unitId ? readForPage((api) => api.unit.get({ id: unitId })) : null,
  ]);
  return (
    <ClientMessages entry="(app)/admin/audit/page">
      <AuditClient filters={filters} pages={pages} log={log} unit={unit?.ok ? unit.data : null} />
    </ClientMessages>
  );
}
