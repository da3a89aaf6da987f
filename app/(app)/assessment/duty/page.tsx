import { createLoader } from "nuqs/server";
import { requireActor } from "~/app/_lib/session";
import { getQueryClient, HydrateClient, trpc } from "~/app/_lib/trpc/server";
import { hasCapability, readsOnlyOwnUnit } from "~/server/scope";
import { todayInChina } from "~/server/services/meeting/schemas";
import { dutyParsers } from "./params";
import { DutyClient } from "./client";
import { ClientMessages } from "~/app/_lib/client-messages";

const load = createLoader(dutyParsers);

/**
 * 述职报告: the unit's staff write their unit's report of the year; the level above sees the
 * subtree's reports and accepts or returns them. The year defaults to the current one (Beijing).
 */
export default async function DutyReportsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  const params = load(await searchParams);
  const defaultYear = Number(todayInChina().slice(0, 4));
  const year = params.year ?? defaultYear;
  const ownOnly = readsOnlyOwnUnit(actor);
  const qc = getQueryClient();
  await (
    ownOnly
      ? qc.prefetchQuery(trpc.assessment.getUnitYear.queryOptions({ year, unitId: actor.unitId }))
      : qc.prefetchQuery(
          trpc.assessment.listDutyReports.queryOptions({
            year,
            unitId: params.unit ?? actor.unitId,
            ...(params.status ? { status: params.status } : {}),
          }),
        )
  ).catch(() => undefined);
  return (
    <ClientMessages entry="(app)/assessment/duty/page">
      <HydrateClient>
        <DutyClient
          defaultYear={defaultYear}
          ownUnitId={actor.unitId}
          mode={ownOnly ? "editor" : "list"}
          canManage={hasCapability(actor, "manageAssessment")}
          ownUnitOnly={readsOnlyOwnUnit(actor)}
        />
      </HydrateClient>
    </ClientMessages>
  );
}
