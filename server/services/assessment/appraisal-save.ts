import "server-only";
import { staleAnnualScores } from "./grade-store";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "~/db/client";
import { appraisals } from "~/db/schema";
import { conflict } from "~/server/errors";
import { assertUnitInScope, type Actor } from "~/server/scope";
import { writeAudit } from "~/server/services/audit/write";
import { m } from "~/lib/server-message";
import { lockEditableCycle } from "./editable-cycle";
import type { SaveAppraisalInput } from "./inputs-schemas";

const counts = (a: Pick<SaveAppraisalInput, "voters" | "good" | "fairlyGood" | "average" | "poor">) => ({
  voters: a.voters,
  good: a.good,
  fairlyGood: a.fairlyGood,
  average: a.average,
  poor: a.poor,
});

/**
 * `assessment.saveAppraisal` (民主测评): the level above enters the ballot counts of a unit's
 * year (scope "assess": never the unit itself) while the cycle is open or rating. Creates or
 * replaces the row; when the caller says which version it read, a newer one is a CONFLICT.
 */
export async function saveAppraisal({ db, actor }: { db: Db; actor: Actor }, input: SaveAppraisalInput) {
  const unit = await assertUnitInScope(db, actor, input.unitId, "assess");
  return db.transaction(async (tx) => {
    await lockEditableCycle(tx, input.year);
    const key = and(eq(appraisals.year, input.year), eq(appraisals.unitId, unit.id));
    const [before] = await tx.select().from(appraisals).where(key).for("update");
    if (input.version !== undefined && input.version !== (before?.version ?? 0)) {
      throw conflict(m("assessmentInput.appraisalChanged", { version: before?.version ?? 0 }));
    }
    const values = counts(input);
    const [after] = before
      ? await tx
          .update(appraisals)
          .set({ ...values, version: sql`${appraisals.version} + 1`, updatedAt: new Date(), updatedBy: actor.id })
          .where(key)
          .returning()
      : await tx
          .insert(appraisals)
          .values({ year: input.year, unitId: unit.id, ...values, updatedBy: actor.id })
          .onConflictDoNothing()
          .returning();
    // Two first entries at once: the second finds the first's row.
    if (!after) throw conflict(m("assessmentInput.appraisalChanged", { version: 1 }));
    await staleAnnualScores(tx, input.year, [unit.id]);
    await writeAudit(tx, actor, {
      action: "assessment.saveAppraisal",
      entity: "appraisal",
      entityId: `${input.year}/${unit.id}`,
      unitId: unit.id,
      before: before ? { year: input.year, ...counts(before) } : null,
      after: { year: input.year, ...values },
    });
    return { ok: true as const, version: after.version };
  });
}
