import { createLoader, type SearchParams } from "nuqs/server";
import { requireActor } from "~/app/_lib/session";
import { readForPage } from "~/app/_lib/trpc/page-read";
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
  const cyclesRead = await readForPage((api) => api.assessment.cycles());
  const cycles = cyclesRead.ok ? cyclesRead.data.cycles : [];
  const year = sp.year ?? defaultCycleYear(cycles);
  const ownUnitOnly = readsOnlyOwnUnit(actor);
  const unitId = ownUnitOnly ? actor.unitId : (sp.unit ?? actor.unitId);
  const opened = cycles.some((c) => c.year === year);
  const input = { year, unitId };
  const [unit, grades, quota] = await Promise.all([
    readForPage((api) => api.unit.get({ id: unitId })),
    opened ? readForPage((api) => api.assessment.grades(input)) : null,
    opened && !ownUnitOnly ? readForPage((api) => api.assessment.gradeQuota(input)) : null,
  ]);
  return (
    <ClientMessages entry="(app)/assessment/page">
      <div className="space-y-4">
        <AssessmentTabs canManage={hasCapability(actor, "manageAssessment")} ownUnitOnly={ownUnitOnly} />
        <GradesClient
          // A new year or subtree starts with no row selected and no notice.
          key={`${year}:${unitId}`}
          year={year}
          unitId={unitId}
          unit={unit.ok ? unit.data : null}
          ownUnitOnly={ownUnitOnly}
          cycles={cyclesRead}
          grades={grades}
          quota={quota?.ok ? quota.data : null}
        />
      </div>
    </ClientMessages>
  );
}
