import { requireActor } from "~/app/_lib/session";
import { getQueryClient, HydrateClient, trpc } from "~/app/_lib/trpc/server";
import { hasCapability, readsOnlyOwnUnit } from "~/server/scope";
import { cycleYearMenu } from "~/lib/assessment/years";
import { createLoader } from "nuqs/server";
import { assessmentParsers } from "../params";
import { AnnualDashboardClient } from "./client";
import { ClientMessages } from "~/app/_lib/client-messages";

const loadParams = createLoader(assessmentParsers);

type Search = Promise<Record<string, string | string[] | undefined>>;

/** 年度看板: `year` (default: the year every assessment tab opens on) and `unit` from the URL; the menu offers the years with a cycle. */
export default async function AnnualDashboardPage({ searchParams }: { searchParams: Search }) {
  const actor = await requireActor();
  const p = loadParams(await searchParams);
  const qc = getQueryClient();
  const menu = cycleYearMenu((await qc.fetchQuery(trpc.assessment.cycles.queryOptions())).cycles);
  const input = { year: p.year ?? menu.open, unitId: p.unit ?? actor.unitId };
  await Promise.allSettled([
    qc.prefetchQuery(trpc.assessment.gradeDistribution.queryOptions(input)),
    qc.prefetchQuery(trpc.assessment.gradeChanges.queryOptions(input)),
    qc.prefetchQuery(trpc.assessment.gradeQuadrant.queryOptions(input)),
  ]); // the client shows any error
  return (
    <ClientMessages entry="(app)/assessment/dashboard/page">
      <HydrateClient>
        <AnnualDashboardClient
          defaults={input}
          years={menu.years}
          staff={readsOnlyOwnUnit(actor)}
          canManage={hasCapability(actor, "manageAssessment")}
        />
      </HydrateClient>
    </ClientMessages>
  );
}
