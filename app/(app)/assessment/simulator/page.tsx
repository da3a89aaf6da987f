import { requireActor } from "~/app/_lib/session";
import { readForPage } from "~/app/_lib/trpc/page-read";
import { hasCapability, readsOnlyOwnUnit } from "~/server/scope";
import { todayInChina } from "~/server/services/meeting/schemas";
import { SimulatorClient } from "./client";
import { loadSimulatorParams, weightFromPercent } from "./params";
import { ClientMessages } from "~/app/_lib/client-messages";

type Search = Promise<Record<string, string | string[] | undefined>>;

/**
 * 党建权重模拟: year, subtree and the chosen weight come from the URL (`year`, `unit`, `w`), so a
 * view can be shared. The setup and the simulation at that weight are read on the server; moving
 * the slider navigates (the shown simulation stays, dimmed, until the new one arrives).
 */
export default async function SimulatorPage({ searchParams }: { searchParams: Search }) {
  const actor = await requireActor();
  const p = loadSimulatorParams(await searchParams);
  const currentYear = Number(todayInChina().slice(0, 4));
  const year = p.year ?? currentYear;
  const unitId = p.unit ?? actor.unitId;
  const staff = readsOnlyOwnUnit(actor);
  let reads = null;
  if (!staff) {
    const [setup, unit] = await Promise.all([
      readForPage((api) => api.assessment.simulatorSetup({ year, unitId })),
      readForPage((api) => api.unit.get({ id: unitId })),
    ]);
    const weight = weightFromPercent(p.w) ?? (setup.ok ? setup.data.cycle.partyWeight : null);
    const sim = weight === null ? null : await readForPage((api) => api.assessment.simulate({ year, unitId, partyWeight: weight }));
    reads = { setup, sim, weight, unit: unit.ok ? unit.data : null };
  }
  return (
    <ClientMessages entry="(app)/assessment/simulator/page">
      <SimulatorClient
        defaults={{ year, unitId }}
        reads={reads}
        years={Array.from({ length: 5 }, (_, i) => currentYear - i)}
        staff={staff}
        canAdopt={hasCapability(actor, "manageAssessment")}
      />
    </ClientMessages>
  );
}
