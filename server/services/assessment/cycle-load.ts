import "server-only";
import { eq } from "drizzle-orm";
import type { Db, Tx } from "~/db/client";
import { assessmentCycles, type AssessmentCycle } from "~/db/schema";
import { notFound, preconditionFailed } from "~/server/errors";
import { m } from "~/lib/server-message";
import { defaultCycleRules, type CycleRules } from "~/lib/assessment/rules";
import { defaultPartyWeight } from "~/lib/assessment/simulate";
import type { AssessmentCycleStatus } from "~/lib/codes";

/** A year's cycle as the simulator and the dashboards read it; a year without one reads as the defaults (`exists: false`). */
export type CycleSetting = {
  year: number;
  exists: boolean;
  status: AssessmentCycleStatus | null;
  rules: CycleRules;
  partyWeight: number;
  version: number;
};

type LoadOptions = { lock?: boolean };

/**
 * The cycle of `year`: NOT_FOUND when none was opened, or with `orDefaults` its setting, a year
 * without one reading as the defaults (for the simulator and the dashboards). `lock` holds the row
 * (FOR UPDATE) for the rest of the transaction.
 */
export async function loadCycle(db: Db | Tx, year: number, opts: LoadOptions & { orDefaults: true }): Promise<CycleSetting>;
export async function loadCycle(db: Db | Tx, year: number, opts?: LoadOptions & { orDefaults?: false }): Promise<AssessmentCycle>;
export async function loadCycle(
  db: Db | Tx,
  year: number,
  opts: LoadOptions & { orDefaults?: boolean } = {},
): Promise<AssessmentCycle | CycleSetting> {
  const query = db.select().from(assessmentCycles).where(eq(assessmentCycles.year, year)).limit(1);
  const [cycle] = opts.lock ? await query.for("update") : await query;
  if (opts.orDefaults) {
    if (!cycle) return { year, exists: false, status: null, rules: defaultCycleRules(year), partyWeight: defaultPartyWeight, version: 0 };
    return { year, exists: true, status: cycle.status, rules: cycle.rules, partyWeight: cycle.partyWeight, version: cycle.version };
  }
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
