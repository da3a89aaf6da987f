import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "~/db/client";
import { cases, rectificationItems } from "~/db/schema";
import { conflict, preconditionFailed } from "~/server/errors";
import { loadInScope, type Actor } from "~/server/scope";
import { writeAudit } from "~/server/services/audit/write";
import { refreshCaseCounts } from "~/server/services/rollup/case-counts";
import { loadCaseInScope } from "./load";
import { m } from "~/lib/server-message";

/** `case.addItem`: a rectification item (整改事项) with owner and deadline; refused once the case is closed. */
export async function addItem(
  { db, actor }: { db: Db; actor: Actor },
  input: { caseId: number; description: string; owner: string; deadline: string },
) {
  const { row, unit } = await loadCaseInScope(db, actor, input.caseId, "case");
  if (row.status === "closed") throw preconditionFailed(m("case.caseIsClosed"));
  return db.transaction(async (tx) => {
    const [item] = await tx
      .insert(rectificationItems)
      .values({ caseId: row.id, description: input.description, owner: input.owner, deadline: input.deadline })
      .returning();
    if (!item) throw new Error("item insert returned no row");
    // Bumping the case version makes concurrent editors of the case see the change.
    await tx
      .update(cases)
      .set({ version: row.version + 1, updatedAt: new Date() })
      .where(eq(cases.id, row.id));
    // A pending deadline: the case may now count as overdue (subtree_case_counts).
    await refreshCaseCounts(tx, [unit.id]);
    await writeAudit(tx, actor, {
      action: "case.addItem",
      entity: "case",
      entityId: row.id,
      unitId: unit.id,
      after: { itemId: item.id, description: item.description, owner: item.owner, deadline: item.deadline },
    });
    return { id: item.id };
  });
}

/** `case.completeItem`: marks an item done (整改完成); a second click (or a second reviewer) gets CONFLICT, not a silent overwrite. */
export async function completeItem({ db, actor }: { db: Db; actor: Actor }, input: { itemId: number }) {
  // An item of a case the caller cannot read answers like an unknown item (scope.ts loadInScope).
  const { row: item } = await loadInScope(db, actor, "caseItem", input.itemId, "case");
  const { row, unit } = await loadCaseInScope(db, actor, item.caseId, "case");
  if (row.status === "closed") throw preconditionFailed(m("case.closed"));
  return db.transaction(async (tx) => {
    const [done] = await tx
      .update(rectificationItems)
      .set({ doneAt: new Date(), doneBy: actor.id })
      .where(and(eq(rectificationItems.id, item.id), isNull(rectificationItems.doneAt)))
      .returning();
    if (!done) throw conflict(m("case.itemAlreadyDone"));
    await refreshCaseCounts(tx, [unit.id]);
    await writeAudit(tx, actor, {
      action: "case.completeItem",
      entity: "case",
      entityId: row.id,
      unitId: unit.id,
      before: { itemId: item.id, doneAt: null },
      after: { itemId: item.id, doneAt: done.doneAt },
    });
    return { id: done.id, doneAt: done.doneAt };
  });
}
