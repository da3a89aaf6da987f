import "server-only";
import { desc } from "drizzle-orm";
import type { Db } from "~/db/client";
import { assessmentCycles } from "~/db/schema";
import { defaultCycleRules } from "~/lib/assessment/rules";
import { currentAssessmentYear } from "~/lib/assessment/years";
import type { Actor } from "~/server/scope";
import { cycleView, loadCycle } from "./cycle-load";

/** `assessment.cycle {year}`: the year's cycle (everyone reads the department's rules). */
export async function getCycle({ db }: { db: Db; actor: Actor }, input: { year: number }) {
  return cycleView(await loadCycle(db, input.year));
}

/**
 * `assessment.cycles`: every opened year, newest first, with the year a new cycle would be opened
 * for (the current one, from today's date in Beijing) and the rules it would start from.
 */
export async function listCycles({ db }: { db: Db; actor: Actor }) {
  const rows = await db.select().from(assessmentCycles).orderBy(desc(assessmentCycles.year));
  const current = currentAssessmentYear();
  return { cycles: rows.map(cycleView), currentYear: current, defaults: defaultCycleRules(current) };
}
