import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "~/db/client";
import { units } from "~/db/schema";
import { assertCapability, type Actor } from "~/server/scope";
import { writeAudit } from "~/server/services/audit/write";
import { refreshUnitRollups } from "~/server/services/rollup/tree-counts";
import { MIN_MEMBERS_FOR_COMMITTEE } from "~/server/services/meeting/completion-rules";
import { assertNameFree, assertTypeFits, lockTreeStructure, lockUnit, unitSnapshot } from "./guards";
import type { UpdateUnitInput } from "./schemas";

/**
 * Renames a unit or changes its attributes (admin only). Two admins editing the same unit
 * concurrently: the later save wins, and both edits are in the audit log.
 */
export async function updateUnit({ db, actor }: { db: Db; actor: Actor }, input: UpdateUnitInput) {
  assertCapability(actor, "manageUnits");
  const { id, ...patch } = input;
  return db.transaction(async (tx) => {
    // A type change depends on the parent and the children: hold the tree's shape still meanwhile.
    if (patch.type !== undefined) await lockTreeStructure(tx);
    const before = await lockUnit(tx, id, "update");
    if (patch.name !== undefined && patch.name !== before.name && before.parentId !== null) {
      await assertNameFree(tx, before.parentId, patch.name, id);
    }
    if (patch.type !== undefined && patch.type !== before.type) await assertTypeFits(tx, before, patch.type);
    if (Object.values(patch).every((v) => v === undefined)) return { id };
    const [after] = await tx.update(units).set(patch).where(eq(units.id, id)).returning();
    // Its kind (type, members enough for a 支委会) decides what it must hold: the meeting-quality rollups.
    const large = (n: number) => n >= MIN_MEMBERS_FOR_COMMITTEE;
    if (after!.type !== before.type || large(after!.memberCount) !== large(before.memberCount)) {
      await refreshUnitRollups(tx, [id], { meetings: true });
    }
    await writeAudit(tx, actor, {
      action: "unit.update",
      entity: "unit",
      entityId: id,
      unitId: id,
      before: unitSnapshot(before),
      after: unitSnapshot(after!),
    });
    return { id };
  });
}
