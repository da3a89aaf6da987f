import { requireActor } from "~/app/_lib/session";
import { readForPage } from "~/app/_lib/trpc/page-read";
import { hasCapability, readsOnlyOwnUnit } from "~/server/scope";
import { cycleYearMenu } from "~/lib/assessment/years";
import { createLoader } from "nuqs/server";
import { assessmentParsers } from "../params";
import { AnnualDashboardClient } from "./client";
import { ClientMessages } from "~/app/_lib/client-messages";

const loadParams = createLoader(assessmentParsers);

type Search = Promise<Record<string, string | string[] | undefined>>;

/**
 * 年度看板: `year` (default: the year every assessment tab opens on) and `unit` from the URL; the
 * menu offers the years with a cycle. The cards' data is read on the server; each card shows its own error.
 */
export default async function AnnualDashboardPage({ searchParams }: { searchParams: Search }) {
  const actor = await requireActor();
  const p = loadParams(await searchParams);
  const cycles = await readForPage((api) => api.assessment.cycles());
  const menu = cycleYearMenu(cycles.ok ? cycles.data.cycles : []);
  const input = { year: p.year ?? menu.open, unitId: p.unit ?? actor.unitId };
  const [distribution, changes, quadrant, unit] = await Promise.all([
    readForPage((api) => api.assessment.gradeDistribution(input)),
    readForPage((api) => api.assessment.gradeChanges(input)),
    readForPage((api) => api.assessment.gradeQuadrant(input)),
    readForPage((api) => api.unit.get({ id: input.unitId })),
  ]);
  return (
    <ClientMessages entry="(app)/assessment/dashboard/page">
      <AnnualDashboardClient
        input={input}
        unit={unit.ok ? unit.data : null}
        reads={{ distribution, changes, quadrant }}
        years={menu.years}
        staff={readsOnlyOwnUnit(actor)}
        canManage={hasCapability(actor, "manageAssessment")}
      />
    </ClientMessages>
  );
}
