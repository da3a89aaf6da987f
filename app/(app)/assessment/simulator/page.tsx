import { requireActor } from "~/app/_lib/session";
import { getQueryClient, HydrateClient, trpc } from "~/app/_lib/trpc/server";
import { hasCapability, readsOnlyOwnUnit } from "~/server/scope";
import { todayInChina } from "~/server/services/meeting/schemas";
import { SimulatorClient } from "./client";
import { loadSimulatorParams, weightFromPercent } from "./params";
import { ClientMessages } from "~/app/_lib/client-messages";

type Search = Promise<Record<string, string | string[] | undefined>>;

/** 党建权重模拟: year, subtree and the chosen weight come from the URL (`year`, `unit`, `w`), so a view can be shared. */
export default async function SimulatorPage({ searchParams }: { searchParams: Search }) {
  const actor = await requireActor();
  const p = loadSimulatorParams(await searchParams);
  const currentYear = Number(todayInChina().slice(0, 4));
  const year = p.year ?? currentYear;
  const unitId = p.unit ?? actor.unitId;
  const staff = readsOnlyOwnUnit(actor);
  if (!staff) {
    const qc = getQueryClient();
    const setup = await qc.fetchQuery(trpc.assessment.simulatorSetup.queryOptions({ year, unitId })).catch(() => null);
    const weight = weightFromPercent(p.w) ?? setup?.cycle.partyWeight;
    if (weight !== undefined) {
      await qc.prefetchQuery(trpc.assessment.simulate.queryOptions({ year, unitId, partyWeight: weight })); // the client shows any error
    }
  }
  return (
    <ClientMessages entry="(app)/assessment/simulator/page">
      <HydrateClient>
        <SimulatorClient
          defaults={{ year, unitId }}
          years={Array.from({ length: 5 }, (_, i) => currentYear - i)}
          staff={staff}
          canAdopt={hasCapability(actor, "manageAssessment")}
        />
      </HydrateClient>
    </ClientMessages>
  );
}
