import { notFound } from "next/navigation";
import { createLoader } from "nuqs/server";
import { requireActor } from "~/app/_lib/session";
import { getQueryClient, HydrateClient, trpc } from "~/app/_lib/trpc/server";
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
  const defaultYear = Number(todayInChina().slice(0, 4));
  const year = load(await props.searchParams).year ?? defaultYear;
  const qc = getQueryClient();
  await qc.prefetchQuery(trpc.assessment.getUnitYear.queryOptions({ year, unitId })).catch(() => undefined);
  return (
    <ClientMessages entry="(app)/assessment/units/[unitId]/page">
      <HydrateClient>
        <UnitYearClient
          unitId={unitId}
          defaultYear={defaultYear}
          canManage={hasCapability(actor, "manageAssessment")}
          ownUnitOnly={readsOnlyOwnUnit(actor)}
        />
      </HydrateClient>
    </ClientMessages>
  );
}
