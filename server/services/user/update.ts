import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "~/db/client";
import { users } from "~/db/schema";
import { badInput } from "~/server/errors";
import { assertCapability, type Actor } from "~/server/scope";
import { writeAudit } from "~/server/services/audit/write";
import { lockUsableUnit, lockUser, publicUserColumns, userSnapshot } from "./guards";
import type { UpdateUserInput } from "./schemas";
import { m } from "~/lib/server-message";

/**
 * Changes a user's name, role or unit (admin only). Takes effect on the user's next request,
 * because the actor is read from the database every time. An admin cannot remove their own
 * admin role, so there is always at least one admin left to undo a mistake.
 */
export async function updateUser({ db, actor }: { db: Db; actor: Actor }, input: UpdateUserInput) {
  assertCapability(actor, "manageUsers");
  if (input.id === actor.id && input.role !== undefined && input.role !== "admin") {
    throw badInput({ role: m("user.youCannotRemoveYourOwnAdmin") });
  }
  const { id, ...patch } = input;
  return db.transaction(async (tx) => {
    const before = await lockUser(tx, id);
    if (patch.unitId !== undefined && patch.unitId !== before.unitId) await lockUsableUnit(tx, patch.unitId);
    if (Object.values(patch).some((v) => v !== undefined)) {
      const [after] = await tx.update(users).set(patch).where(eq(users.id, id)).returning();
      await writeAudit(tx, actor, {
        action: "user.update",
        entity: "user",
        entityId: id,
        unitId: after!.unitId,
        before: userSnapshot(before),
        after: userSnapshot(after!),
      });
    }
    const [user] = await tx.select(publicUserColumns).from(users).where(eq(users.id, id));
    return user!;
  });
}
