import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Db } from "~/db/client";
import { assessmentCycles } from "~/db/schema";
import { assessmentCycleStatuses } from "~/lib/codes";
import { conflict, preconditionFailed } from "~/server/errors";
import { assertCapability, type Actor } from "~/server/scope";
import { writeAudit } from "~/server/services/audit/write";
import { loadCycle } from "./cycle-load";
import type { MoveCycleInput } from "./cycle-schemas";
import { freezeGrades } from "./freeze";
import { statusEn, statusZh } from "./words";
import { m } from "~/lib/server-message";

/**
 * `assessment.moveCycle` (admin): one step forward, open → rating → publicised → final, never
 * back. Publicising needs the 公示 dates and freezes the grades (freeze.ts); final makes the
 * year read-only for good.
 */
export async function moveCycle({ db, actor }: { db: Db; actor: Actor }, input: MoveCycleInput) {
  assertCapability(actor, "manageAssessment");
  return db.transaction(async (tx) => {
    const before = await loadCycle(tx, input.year, { lock: true });
    if (before.status === "final") throw preconditionFailed(m("assessmentCycle.finalIsReadOnly", { year: input.year }));
    if (before.version !== input.version) throw conflict(m("assessmentCycle.changedMeanwhile", { version: before.version }));
    const next = assessmentCycleStatuses[assessmentCycleStatuses.indexOf(before.status) + 1];
    if (input.to !== next)
      throw preconditionFailed(m("assessmentCycle.notTheNextStep", { fromZh: statusZh[before.status], fromEn: statusEn[before.status] }));
    let frozen: number | null = null;
    if (input.to === "publicised") {
      if (!before.rules.publicityFrom || !before.rules.publicityTo) throw preconditionFailed(m("assessmentCycle.publicityDatesNeeded"));
      frozen = await freezeGrades(tx, input.year, actor);
    }
    const [after] = await tx
      .update(assessmentCycles)
      .set({
        status: input.to,
        version: sql`${assessmentCycles.version} + 1`,
        updatedAt: new Date(),
        updatedBy: actor.id,
        ...(input.to === "final" ? { finalisedAt: new Date() } : {}),
      })
      .where(eq(assessmentCycles.year, input.year))
      .returning();
    await writeAudit(tx, actor, {
      action: "assessment.moveCycle",
      entity: "assessmentCycle",
      entityId: input.year,
      before: { status: before.status },
      after: { status: input.to, ...(frozen === null ? {} : { frozenGrades: frozen }) },
    });
    return { year: input.year, status: after!.status, version: after!.version };
  });
}
