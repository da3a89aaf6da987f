import "server-only";
import type { Db } from "~/db/client";
import { inspections } from "~/db/schema";
import { assertUnitInScope, type Actor } from "~/server/scope";
import { staleAnnualScores, yearOf } from "~/server/services/assessment/grade-store";
import { writeAudit } from "~/server/services/audit/write";
import { secretaryOn } from "~/server/services/officer/secretary";
import { inspectionColumns, inspectionSnapshot } from "./load";
import type { CreateInspectionInput } from "./schemas";

/** `inspection.create`: a reviewer (in their subtree) or an admin records a 一岗双责 inspection; they are its inspector. */
export async function createInspection({ db, actor }: { db: Db; actor: Actor }, input: CreateInspectionInput) {
  const unit = await assertUnitInScope(db, actor, input.unitId, "case");
  const { unitId: _unitId, ...fields } = input;
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(inspections)
      .values({
        ...inspectionColumns(fields),
        officerId: fields.subject === "secretary" ? await secretaryOn(tx, unit.id, fields.inspectedOn) : null,
        unitId: unit.id,
        inspectorId: actor.id,
        createdBy: actor.id,
        updatedBy: actor.id,
      })
      .returning();
    if (!created) throw new Error("inspection insert returned no row");
    await staleAnnualScores(tx, yearOf(created.inspectedOn), [unit.id]);
    await writeAudit(tx, actor, {
      action: "inspection.create",
      entity: "inspection",
      entityId: created.id,
      unitId: unit.id,
      after: inspectionSnapshot(created),
    });
    return { id: created.id };
  });
}
