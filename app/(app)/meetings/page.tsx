import { getTranslations } from "next-intl/server";
import { Notice } from "~/app/_components/ui/notice";
import { unitQuarterFromParams } from "~/app/_lib/quarter-params";
import { requireActor } from "~/app/_lib/session";
import { readForPage } from "~/app/_lib/trpc/page-read";
import { MeetingsClient } from "./client";
import { ClientMessages } from "~/app/_lib/client-messages";

type Search = Promise<{ unit?: string; quarter?: string }>;

/**
 * 会议记录, rendered from server data: the unit and quarter come from the URL (`?unit=&quarter=`);
 * after a save or a delete the page asks the server for itself again.
 */
export default async function MeetingsPage({ searchParams }: { searchParams: Search }) {
  const actor = await requireActor();
  const picked = unitQuarterFromParams(await searchParams, actor.unitId);
  const { unitId, quarter } = picked;
  const [list, completion, flags, unit, t] = await Promise.all([
    readForPage((api) => api.meeting.list({ unitId, from: quarter, to: quarter })),
    readForPage((api) => api.meeting.completion({ unitId, quarter })),
    readForPage((api) => api.meeting.flags({ unitId, from: quarter, to: quarter, subtree: false })),
    readForPage((api) => api.unit.get({ id: unitId })),
    getTranslations("common"),
  ]);
  const refused = [list, completion, flags].find((r) => !r.ok);
  return (
    <ClientMessages entry="(app)/meetings/page">
      <MeetingsClient
        {...picked}
        unit={unit.ok ? unit.data : null}
        data={list.ok && completion.ok && flags.ok ? { list: list.data, completion: completion.data, flags: flags.data } : null}
        error={refused && !refused.ok ? <Notice tone="error">{t("error", { message: refused.message })}</Notice> : null}
        // Only reviewers and admins open cases; the cases page and the server check the unit scope again.
        opensCases={actor.role === "reviewer" || actor.role === "admin"}
      />
    </ClientMessages>
  );
}
