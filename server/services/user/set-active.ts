import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "~/db/client";
import { users } from "~/db/schema";
import { badInput, preconditionFailed } from "~/server/errors";
import { assertCapability, type Actor } from "~/server/scope";
import { endUserSessions } from "~/server/auth/sessions";
import { writeAudit } from "~/server/services/audit/write";
import { lockUser } from "./guards";
import { lockUnit } from "~/server/services/unit/guards";
import type { SetUserActiveInput } from "./schemas";
import { m } from "~/lib/server-message";

/**
 * Deactivates or reactivates a user (admin only). A deactivated user cannot sign in, and their
 * open sessions end (their rows are closed; the actor is also reloaded per request and must be active).
 */
export async function setUserActive({ db, actor }: { db: Db; actor: Actor }, input: SetUserActiveInput) {
  assertCapability(actor, "manageUsers");
  if (input.id === actor.id && !input.active) {
    throw badInput({ active: m("user.youCannotDeactivateYourOwnAccount") });
  }
  return db.transaction(async (tx) => {
    const user = await lockUser(tx, input.id);
    if (user.active === input.active) return { id: user.id, active: user.active };
    if (input.active) {
      const unit = await lockUnit(tx, user.unitId, "share");
      if (!unit.active) {
        throw preconditionFailed(m("user.theUserUnitIsInactive", { name: unit.name }));
      }
    }
    await tx.update(users).set({ active: input.active }).where(eq(users.id, user.id));
    // Deactivation ends the user's sessions for good: reactivating them later opens none again.
    const sessionsEnded = input.active ? 0 : await endUserSessions(tx, user.id, "deactivated");
    await writeAudit(tx, actor, {
      action: "user.setActive",
      entity: "user",
      entityId: user.id,
      unitId: user.unitId,
      before: { active: user.active },
      after: { active: input.active, ...(sessionsEnded ? { sessionsEnded } : {}) },
    });
    return { id: user.id, active: input.active };
  });
}
