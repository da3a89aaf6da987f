import { gradesFrozen } from "~/lib/assessment/cycle-status";
import { createLoader, type SearchParams } from "nuqs/server";
import { requireActor } from "~/app/_lib/session";
import { getQueryClient, HydrateClient, trpc } from "~/app/_lib/trpc/server";
import { defaultCycleYear } from "~/lib/assessment/years";
import { assessmentParsers } from "../params";
import { PublicityClient } from "./client";
import "~/app/_styles/print-a4.css";
import { ClientMessages } from "~/app/_lib/client-messages";

const load = createLoader(assessmentParsers);

/** 公示名单 of a year: the frozen grades of the units the caller reads, printable on A4 (~/app/_styles/print-a4.css). */
export default async function PublicityPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireActor();
  const qc = getQueryClient();
  const { cycles } = await qc.fetchQuery(trpc.assessment.cycles.queryOptions());
  const year = load(await searchParams).year ?? defaultCycleYear(cycles.filter((c) => gradesFrozen(c.status)));
  await Promise.allSettled([
    qc.prefetchQuery(trpc.assessment.publicity.queryOptions({ year })),
    qc.prefetchQuery(trpc.unit.get.queryOptions({ id: actor.unitId })),
  ]);
  return (
    <ClientMessages entry="(app)/assessment/publicity/page">
      <HydrateClient>
        <PublicityClient year={year} scopeUnitId={actor.unitId} />
      </HydrateClient>
    </ClientMessages>
  );
}
