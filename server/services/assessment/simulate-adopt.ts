import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Db } from "~/db/client";
import { assessmentCycles } from "~/db/schema";
import { m } from "~/lib/server-message";
import { conflict, notFound, preconditionFailed } from "~/server/errors";
import { assertCapability, type Actor } from "~/server/scope";
import { writeAudit } from "~/server/services/audit/write";
import type { AdoptPartyWeightInput } from "./simulate-schemas";

/**
 * `assessment.adoptPartyWeight` (采用此权重): an admin saves the simulator's weight as the year's
 * Party-building weight — version-checked against the cycle, refused for a final year, audited.
 */
export async function adoptPartyWeight({ db, actor }: { db: Db; actor: Actor }, input: AdoptPartyWeightInput) {
  assertCapability(actor, "manageAssessment");
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(assessmentCycles).where(eq(assessmentCycles.year, input.year)).for("update");
    if (!before) throw notFound(m("simulate.noCycle", { year: input.year }));
    if (before.status === "final") throw preconditionFailed(m("simulate.yearIsFinal", { year: input.year }));
    if (before.version !== input.version) throw conflict(m("simulate.cycleChanged", { version: before.version }));
    const [after] = await tx
      .update(assessmentCycles)
      .set({ partyWeight: input.partyWeight, version: sql`${assessmentCycles.version} + 1`, updatedAt: new Date(), updatedBy: actor.id })
      .where(eq(assessmentCycles.year, input.year))
      .returning();
    await writeAudit(tx, actor, {
      action: "assessment.adoptPartyWeight",
      entity: "assessment_cycle",
      entityId: input.year,
      before: { partyWeight: before.partyWeight },
      after: { partyWeight: after!.partyWeight },
    });
    return { year: input.year, partyWeight: after!.partyWeight, version: after!.version };
  });
}
