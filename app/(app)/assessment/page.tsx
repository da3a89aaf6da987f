import { createLoader, type SearchParams } from "nuqs/server";
import { requireActor } from "~/app/_lib/session";
import { getQueryClient, HydrateClient, trpc } from "~/app/_lib/trpc/server";
import { defaultCycleYear } from "~/lib/assessment/years";
import { hasCapability, readsOnlyOwnUnit } from "~/server/scope";
import { AssessmentTabs } from "./assessment-tabs";
import { GradesClient } from "./grades-client";
import { assessmentParsers } from "./params";
import { ClientMessages } from "~/app/_lib/client-messages";

const load = createLoader(assessmentParsers);

/** 等次评定: the grades of a subtree and year against the quotas; the level above sets final grades. */
export default async function GradesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireActor();
  const sp = load(await searchParams);
  const qc = getQueryClient();
  const { cycles } = await qc.fetchQuery(trpc.assessment.cycles.queryOptions());
  const year = sp.year ?? defaultCycleYear(cycles);
  const unitId = readsOnlyOwnUnit(actor) ? actor.unitId : (sp.unit ?? actor.unitId);
  const opened = cycles.some((c) => c.year === year);
  await Promise.allSettled([
    qc.prefetchQuery(trpc.unit.get.queryOptions({ id: unitId })),
    ...(opened
      ? [
          qc.prefetchQuery(trpc.assessment.grades.queryOptions({ year, unitId })),
          qc.prefetchQuery(trpc.assessment.gradeQuota.queryOptions({ year, unitId })),
        ]
      : []),
  ]);
  return (
    <ClientMessages entry="(app)/assessment/page">
      <HydrateClient>
        <div className="space-y-4">
          <AssessmentTabs canManage={hasCapability(actor, "manageAssessment")} ownUnitOnly={readsOnlyOwnUnit(actor)} />
          <GradesClient year={year} unitId={unitId} ownUnitOnly={readsOnlyOwnUnit(actor)} />
        </div>
      </HydrateClient>
    </ClientMessages>
  );
}
