import "server-only";
import type { Db } from "~/db/client";
import { officerOutcomes } from "~/db/schema";
import { assertCapability, loadInScope, type Actor } from "~/server/scope";
import { writeAudit } from "~/server/services/audit/write";
import type { AddOutcomeInput } from "./schemas";

/** `officer.addOutcome`: an admin records what was decided about the person of tenure `id` (提拔 / 表彰 / 调整), audited. */
export async function addOfficerOutcome({ db, actor }: { db: Db; actor: Actor }, input: AddOutcomeInput) {
  assertCapability(actor, "manageAssessment");
  return db.transaction(async (tx) => {
    const { row, unit } = await loadInScope(tx, actor, "officer", input.id, "read");
    const [created] = await tx
      .insert(officerOutcomes)
      .values({
        personId: row.personId,
        kind: input.kind,
        decidedOn: input.decidedOn,
        year: input.year,
        note: input.note,
        createdBy: actor.id,
      })
      .returning();
    if (!created) throw new Error("outcome insert returned no row");
    await writeAudit(tx, actor, {
      action: "officer.addOutcome",
      entity: "officer",
      entityId: row.id,
      unitId: unit.id,
      after: {
        outcomeId: created.id,
        personId: row.personId,
        kind: created.kind,
        decidedOn: created.decidedOn,
        year: created.year,
        note: created.note,
      },
    });
    return { id: created.id };
  });
}
