import "server-only";
import { desc, eq } from "drizzle-orm";
import type { Db, Tx } from "~/db/client";
import { assessmentCycles, type AssessmentCycle } from "~/db/schema";
import { preconditionFailed } from "~/server/errors";
import { m } from "~/lib/server-message";
import { acceptsInputs } from "~/lib/assessment/cycle-status";

/**
 * The cycle of `year`, locked against a concurrent status change until the write commits, if
 * it still takes inputs (open or rating); PRECONDITION_FAILED with a clear message otherwise.
 */
export async function lockEditableCycle(tx: Db | Tx, year: number): Promise<AssessmentCycle> {
  const [cycle] = await tx.select().from(assessmentCycles).where(eq(assessmentCycles.year, year)).for("share");
  if (!cycle) throw preconditionFailed(m("assessmentInput.noCycle", { year }));
  if (!acceptsInputs(cycle.status)) {
    throw preconditionFailed(
      cycle.status === "final" ? m("assessmentInput.cycleIsFinal", { year }) : m("assessmentInput.cycleIsPublicised", { year }),
    );
  }
  return cycle;
}

/** The years that have a cycle, newest first, with their status and duty-report deadline (the year selectors). */
export async function cycleYears(db: Db | Tx) {
  const rows = await db
    .select({ year: assessmentCycles.year, status: assessmentCycles.status, rules: assessmentCycles.rules })
    .from(assessmentCycles)
    .orderBy(desc(assessmentCycles.year));
  return rows.map((r) => ({ year: r.year, status: r.status, dutyReportDeadline: r.rules.dutyReportDeadline }));
}
