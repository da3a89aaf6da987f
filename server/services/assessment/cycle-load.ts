import "server-only";
import { eq } from "drizzle-orm";
import type { Db, Tx } from "~/db/client";
import { assessmentCycles, type AssessmentCycle } from "~/db/schema";
import { notFound, preconditionFailed } from "~/server/errors";
import { m } from "~/lib/server-message";

/** The cycle of `year`, NOT_FOUND when none was opened; `lock` holds it (FOR UPDATE) for the rest of the transaction. */
export async function loadCycle(db: Db | Tx, year: number, opts: { lock?: boolean } = {}): Promise<AssessmentCycle> {
  const query = db.select().from(assessmentCycles).where(eq(assessmentCycles.year, year)).limit(1);
  const [cycle] = opts.lock ? await query.for("update") : await query;
  if (!cycle) throw notFound(m("assessmentCycle.noCycle", { year }));
  return cycle;
}

/** A final year never changes; a publicised one has its grades frozen. */
export function assertRulesEditable(cycle: AssessmentCycle): void {
  if (cycle.status === "final") throw preconditionFailed(m("assessmentCycle.finalIsReadOnly", { year: cycle.year }));
  if (cycle.status === "publicised") throw preconditionFailed(m("assessmentCycle.publicisedIsFrozen", { year: cycle.year }));
}

/** What a cycle answers to readers (the rules are the department's own, readable by everyone). */
export const cycleView = (c: AssessmentCycle) => ({
  year: c.year,
  status: c.status,
  rules: c.rules,
  partyWeight: c.partyWeight,
  version: c.version,
  finalisedAt: c.finalisedAt,
});
export type CycleView = ReturnType<typeof cycleView>;
