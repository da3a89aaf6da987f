import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "~/db/client";
import { assessmentGrades } from "~/db/schema";
import { preconditionFailed } from "~/server/errors";
import type { Actor } from "~/server/scope";
import { writeAudit } from "~/server/services/audit/write";
import { loadCycle } from "./cycle-load";
import type { ProposeGradeInput } from "./grade-schemas";
import { assertAssessable } from "./grade-set-final";
import { statusEn, statusZh } from "./words";
import { m } from "~/lib/server-message";

/**
 * `assessment.proposeGrade`: the grade the 述职评议会 proposes for a unit, recorded live by the
 * level above while the cycle is open or rating. Only a proposal: the final grade (with quota
 * and vetoes) is set by `setFinalGrade`.
 */
export async function proposeGrade({ db, actor }: { db: Db; actor: Actor }, input: ProposeGradeInput) {
  return db.transaction(async (tx) => {
    const unit = await assertAssessable(tx, actor, input.unitId);
    const cycle = await loadCycle(tx, input.year, { lock: true });
    if (cycle.status !== "open" && cycle.status !== "rating")
      throw preconditionFailed(
        m("assessmentGrade.proposalsClosed", { statusZh: statusZh[cycle.status], statusEn: statusEn[cycle.status] }),
      );
    const where = and(eq(assessmentGrades.year, input.year), eq(assessmentGrades.unitId, unit.id));
    const [before] = await tx.select({ proposed: assessmentGrades.proposed }).from(assessmentGrades).where(where).for("update");
    const values = { proposed: input.grade, updatedAt: new Date(), updatedBy: actor.id };
    if (before)
      await tx
        .update(assessmentGrades)
        .set({ ...values, version: sql`${assessmentGrades.version} + 1` })
        .where(where);
    else await tx.insert(assessmentGrades).values({ year: input.year, unitId: unit.id, ...values });
    await writeAudit(tx, actor, {
      action: "assessment.proposeGrade",
      entity: "assessmentGrade",
      entityId: `${input.year}:${unit.id}`,
      unitId: unit.id,
      before: { proposed: before?.proposed ?? null },
      after: { proposed: input.grade },
    });
    return { proposed: input.grade };
  });
}
