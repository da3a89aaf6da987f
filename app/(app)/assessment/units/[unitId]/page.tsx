import { notFound } from "next/navigation";
import { createLoader } from "nuqs/server";
import { requireActor } from "~/app/_lib/session";
import { readForPage } from "~/app/_lib/trpc/page-read";
import { hasCapability, readsOnlyOwnUnit } from "~/server/scope";
import { todayInChina } from "~/server/services/meeting/schemas";
import { assessmentParsers } from "../../params";
import { UnitYearClient } from "./client";
import { ClientMessages } from "~/app/_lib/client-messages";

const load = createLoader(assessmentParsers);

/** One unit's assessment year for the level above: its duty report, 民主测评 and 点评 with items; the unit reads it and marks items done. */
export default async function UnitAssessmentPage(props: {
  params: Promise<{ unitId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActor();
  const unitId = Number((await props.params).unitId);
  if (!Number.isInteger(unitId) || unitId <= 0) notFound();
  const year = load(await props.searchParams).year ?? Number(todayInChina().slice(0, 4));
  const unitYear = await readForPage((api) => api.assessment.getUnitYear({ year, unitId }));
  return (
    <ClientMessages entry="(app)/assessment/units/[unitId]/page">
      <UnitYearClient
        // Another year starts its forms afresh (their state is the year's saved values).
        key={year}
        unitId={unitId}
        year={year}
        unitYear={unitYear}
        canManage={hasCapability(actor, "manageAssessment")}
        ownUnitOnly={readsOnlyOwnUnit(actor)}
      />
    </ClientMessages>
  );
}
