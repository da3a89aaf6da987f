import { createLoader } from "nuqs/server";
import { requireActor } from "~/app/_lib/session";
import { readForPage } from "~/app/_lib/trpc/page-read";
import { hasCapability, readsOnlyOwnUnit } from "~/server/scope";
import { todayInChina } from "~/server/services/meeting/schemas";
import { dutyParsers } from "./params";
import { DutyClient } from "./client";
import { ClientMessages } from "~/app/_lib/client-messages";

const load = createLoader(dutyParsers);

/**
 * 述职报告: the unit's staff write their unit's report of the year; the level above sees the
 * subtree's reports and accepts or returns them. The year defaults to the current one (Beijing).
 * Read on the server; the year and status filters navigate.
 */
export default async function DutyReportsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  const params = load(await searchParams);
  const year = params.year ?? Number(todayInChina().slice(0, 4));
  const ownOnly = readsOnlyOwnUnit(actor);
  const view = ownOnly
    ? ({ mode: "editor", unitYear: await readForPage((api) => api.assessment.getUnitYear({ year, unitId: actor.unitId })) } as const)
    : ({
        mode: "list",
        list: await readForPage((api) =>
          api.assessment.listDutyReports({
            year,
            unitId: params.unit ?? actor.unitId,
            ...(params.status ? { status: params.status } : {}),
          }),
        ),
      } as const);
  return (
    <ClientMessages entry="(app)/assessment/duty/page">
      <DutyClient
        year={year}
        unit={params.unit}
        status={params.status}
        view={view}
        canManage={hasCapability(actor, "manageAssessment")}
        ownUnitOnly={ownOnly}
      />
    </ClientMessages>
  );
}
