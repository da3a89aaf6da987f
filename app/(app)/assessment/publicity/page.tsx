import { gradesFrozen } from "~/lib/assessment/cycle-status";
import { createLoader, type SearchParams } from "nuqs/server";
import { requireActor } from "~/app/_lib/session";
import { readForPage } from "~/app/_lib/trpc/page-read";
import { defaultCycleYear } from "~/lib/assessment/years";
import { assessmentParsers } from "../params";
import { Publicity } from "./publicity";
import "~/app/_styles/print-a4.css";

const load = createLoader(assessmentParsers);

/** 公示名单 of a year: the frozen grades of the units the caller reads, printable on A4 (~/app/_styles/print-a4.css). */
export default async function PublicityPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireActor();
  const cycles = await readForPage((api) => api.assessment.cycles());
  const frozen = cycles.ok ? cycles.data.cycles.filter((c) => gradesFrozen(c.status)) : [];
  const year = load(await searchParams).year ?? defaultCycleYear(frozen);
  const [list, scope] = await Promise.all([
    readForPage((api) => api.assessment.publicity({ year })),
    readForPage((api) => api.unit.get({ id: actor.unitId })),
  ]);
  return <Publicity year={year} list={list} scopeName={scope.ok ? scope.data.name : null} />;
}
