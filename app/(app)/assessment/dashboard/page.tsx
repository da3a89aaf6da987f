import { requireActor } from "~/app/_lib/session";
import { getQueryClient, HydrateClient, trpc } from "~/app/_lib/trpc/server";
import { hasCapability, readsOnlyOwnUnit } from "~/server/scope";
import { todayInChina } from "~/server/services/meeting/schemas";
import { createLoader } from "nuqs/server";
import { assessmentParsers } from "../params";
import { AnnualDashboardClient } from "./client";

const loadParams = createLoader(assessmentParsers);

type Search = Promise<Record<string, string | string[] | undefined>>;

/** 年度看板: `year` (default: the last finished year, the latest with frozen grades) and `unit` from the URL. */
export default async function AnnualDashboardPage({ searchParams }: { searchParams: Search }) {
  const actor = await requireActor();
  const p = loadParams(await searchParams);
  const currentYear = Number(todayInChina().slice(0, 4));
  const input = { year: p.year ?? currentYear - 1, unitId: p.unit ?? actor.unitId };
  const qc = getQueryClient();
  await Promise.allSettled([
    qc.prefetchQuery(trpc.assessment.gradeDistribution.queryOptions(input)),
    qc.prefetchQuery(trpc.assessment.gradeChanges.queryOptions(input)),
    qc.prefetchQuery(trpc.assessment.gradeQuadrant.queryOptions(input)),
  ]); // the client shows any error
  return (
    <HydrateClient>
      <AnnualDashboardClient
        defaults={input}
        years={Array.from({ length: 5 }, (_, i) => currentYear - i)}
        staff={readsOnlyOwnUnit(actor)}
        canManage={hasCapability(actor, "manageAssessment")}
      />
    </HydrateClient>
  );
}
