import { eq } from "drizzle-orm";
import type { Db } from "~/db/client";
import { assessmentCycles, officers, people, type AssessmentCycle } from "~/db/schema";
import { defaultCycleRules, type CycleRules } from "~/lib/assessment/rules";

/**
 * Assessment cycles and secretaries for tests, written straight to the tables (the cycle's own
 * procedures belong to another part of the router): `openCycle(db, 2026)` creates or moves the year.
 */
export async function setCycle(db: Db, year: number, status: AssessmentCycle["status"] = "open", rules: Partial<CycleRules> = {}) {
  const values = { year, status, rules: { ...defaultCycleRules(year), ...rules } };
  await db.insert(assessmentCycles).values(values).onConflictDoUpdate({ target: assessmentCycles.year, set: values });
}

export async function cycleStatus(db: Db, year: number) {
  const [row] = await db.select({ status: assessmentCycles.status }).from(assessmentCycles).where(eq(assessmentCycles.year, year));
  return row?.status ?? null;
}

/** A secretary (书记) of `unitId` in post from `from`, as the officers roster would hold it. */
export async function addSecretary(db: Db, unitId: number, name: string, from = "2020-01-01") {
  const [person] = await db.insert(people).values({ name }).returning();
  const [officer] = await db.insert(officers).values({ personId: person!.id, unitId, post: "secretary", fromDate: from }).returning();
  return officer!;
}
