import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "~/db/client";
import { assessmentItems } from "~/db/schema";
import { conflict } from "~/server/errors";
import { loadInScope, type Actor } from "~/server/scope";
import { writeAudit } from "~/server/services/audit/write";
import { m } from "~/lib/server-message";
import type { MarkItemDoneInput } from "./inputs-schemas";

/**
 * `assessment.markItemDone`: the unit (its staff, or an admin) marks an item of the superior's
 * comment done (整改完成) and says how. Items are worked on through the following year, so the
 * year's cycle status does not matter; a second mark is a CONFLICT, not a silent overwrite.
 */
export async function markItemDone({ db, actor }: { db: Db; actor: Actor }, input: MarkItemDoneInput) {
  return db.transaction(async (tx) => {
    const { row: item, unit } = await loadInScope(tx, actor, "assessmentItem", input.id, "write");
    const [done] = await tx
      .update(assessmentItems)
      .set({ doneAt: new Date(), doneBy: actor.id, doneEvidence: input.evidence })
      .where(and(eq(assessmentItems.id, item.id), isNull(assessmentItems.doneAt)))
      .returning();
    if (!done) throw conflict(m("assessmentInput.itemAlreadyDone"));
    await writeAudit(tx, actor, {
      action: "assessment.markItemDone",
      entity: "assessment_item",
      entityId: item.id,
      unitId: unit.id,
      before: { content: item.content, doneAt: null },
      after: { content: item.content, doneAt: done.doneAt, evidence: input.evidence },
    });
    return { id: done.id, doneAt: done.doneAt };
  });
}
