import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "~/db/client";
import { units } from "~/db/schema";
import { badInput, preconditionFailed } from "~/server/errors";
import { assertCapability, inSubtreeSql, type Actor } from "~/server/scope";
import { writeAudit } from "~/server/services/audit/write";
import { refreshRollupsAfterMove } from "~/server/services/rollup/refresh";
import { moveRefusal } from "~/lib/unit-hierarchy";
import type { Unit } from "~/db/schema";
import { assertNameFree, lockParent, lockTreeStructure, lockUnit, placementError } from "./guards";
import type { MoveUnitInput } from "./schemas";
import { m } from "~/lib/server-message";

/**
 * Moves a unit, with its whole subtree, under another parent that may hold its type (admin only). Every path and
 * depth below it is rewritten by one UPDATE on the indexed path prefix, so a move of a large
 * subtree is a single statement; scopes follow at once because actors are reloaded per request.
 */
export async function moveUnit({ db, actor }: { db: Db; actor: Actor }, input: MoveUnitInput) {
  assertCapability(actor, "manageUnits");
  return db.transaction(async (tx) => {
    await lockTreeStructure(tx);
    const unit = await lockUnit(tx, input.id, "update");
    if (unit.parentId === null) throw preconditionFailed(m("unit.theRootUnitCannotBeMoved"));
    const parent = await lockParent(tx, input.parentId);
    const refusal = moveRefusal(unit, parent);
    if (refusal) throw badInput({ parentId: refusalMessage(refusal, unit, parent) });
    await assertNameFree(tx, parent.id, unit.name, unit.id);

    const oldPrefix = unit.path;
    const newPrefix = `${parent.path}${unit.id}/`;
    const delta = parent.depth + 1 - unit.depth;
    const moved = await tx
      .update(units)
      .set({
        path: sql`${newPrefix}::text || substr(${units.path}, ${oldPrefix.length + 1}::int)`,
        depth: sql`${units.depth} + ${delta}::int`,
        parentId: sql`case when ${units.id} = ${unit.id}::int then ${parent.id}::int else ${units.parentId} end`,
      })
      .where(inSubtreeSql(units, unit))
      .returning({ id: units.id });

    await refreshRollupsAfterMove(tx, { unitId: unit.id, oldPath: oldPrefix, newPath: newPrefix });
    await writeAudit(tx, actor, {
      action: "unit.move",
      entity: "unit",
      entityId: unit.id,
      unitId: unit.id,
      before: { parentId: unit.parentId, path: oldPrefix, depth: unit.depth },
      after: { parentId: parent.id, path: newPrefix, depth: unit.depth + delta, subtreeSize: moved.length },
    });
    return { id: unit.id, path: newPrefix, depth: unit.depth + delta, moved: moved.length };
  });
}

function refusalMessage(refusal: NonNullable<ReturnType<typeof moveRefusal>>, unit: Unit, parent: Unit): string {
  switch (refusal) {
    case "self":
    case "descendant":
      return m("unit.cannotMoveAUnitUnderItself");
    case "sameParent":
      return m("unit.theUnitIsAlreadyUnderThis");
    case "type":
      return placementError(unit.type, parent)!;
    case "inactive":
      return m("unit.theNewParentIsInactive", { name: parent.name });
  }
}
