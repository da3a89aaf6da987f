import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db, Tx } from "~/db/client";
import { cases, inspections } from "~/db/schema";
import { badInput, conflict, preconditionFailed } from "~/server/errors";
import type { Actor } from "~/server/scope";
import { staleAnnualScores, yearOf } from "~/server/services/assessment/grade-store";
import { writeAudit } from "~/server/services/audit/write";
import { inspectionSnapshot, loadInspectionInScope } from "./load";
import type { WithdrawInspectionInput } from "./schemas";
import { m } from "~/lib/server-message";

/**
 * `inspection.withdraw` (撤回): whoever may record inspections for the unit withdraws a mistaken
 * one — until a case has been opened from it (the case rests on it then). The row stays, marked,
 * for the audit trail; lists, counts and case sources no longer show it.
 */
export async function withdrawInspection({ db, actor }: { db: Db; actor: Actor }, input: WithdrawInspectionInput) {
  return db.transaction(async (tx) => {
    const { inspection: before, unit } = await loadInspectionInScope(tx, actor, input.id, "case", { lock: true });
    if (before.withdrawnAt) throw preconditionFailed(m("inspection.inspectionAlreadyWithdrawn"));
    if (before.version !== input.version) {
      throw conflict(m("inspection.changedBeforeWithdraw", { version: before.version }));
    }
    const [linked] = await tx
      .select({ id: cases.id })
      .from(cases)
      .where(and(eq(cases.sourceType, "inspection"), eq(cases.sourceId, input.id)))
      .orderBy(cases.id)
      .limit(1);
    if (linked) {
      throw preconditionFailed(m("inspection.aCaseWasOpenedFromThis", { id: linked.id }));
    }
    const [after] = await tx
      .update(inspections)
      .set({
        withdrawnAt: new Date(),
        withdrawnBy: actor.id,
        withdrawReason: input.reason,
        version: sql`${inspections.version} + 1`,
        updatedAt: new Date(),
        updatedBy: actor.id,
      })
      .where(eq(inspections.id, input.id))
      .returning();
    await staleAnnualScores(tx, yearOf(before.inspectedOn), [unit.id]);
    await writeAudit(tx, actor, {
      action: "inspection.withdraw",
      entity: "inspection",
      entityId: input.id,
      unitId: unit.id,
      before: inspectionSnapshot(before),
      after: { ...inspectionSnapshot(after!), withdrawReason: input.reason },
    });
    return { id: input.id, version: after!.version };
  });
}

/**
 * For `case.create` from an inspection: the inspection is locked (FOR SHARE) until the case is
 * written, so a withdrawal cannot slip in between, and a withdrawn one is no source.
 */
export async function assertInspectionCanSourceCase(tx: Tx, id: number) {
  const [row] = await tx.select({ withdrawnAt: inspections.withdrawnAt }).from(inspections).where(eq(inspections.id, id)).for("share");
  if (row?.withdrawnAt) throw badInput({ sourceId: m("inspection.withdrawnCannotOpenCase") });
}
