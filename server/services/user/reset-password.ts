import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "~/db/client";
import { loginAttempts, users } from "~/db/schema";
import { hashPassword } from "~/server/auth/password";
import { endUserSessions } from "~/server/auth/sessions";
import { assertCapability, type Actor } from "~/server/scope";
import { writeAudit } from "~/server/services/audit/write";
import { lockUser } from "./guards";
import type { ResetPasswordInput } from "./schemas";

/**
 * Sets a new password for a user (admin only). The audit row records that it happened, never
 * the hash. Their open sessions end (every session row is closed) and their sign-in lock is lifted.
 */
export async function resetPassword({ db, actor }: { db: Db; actor: Actor }, input: ResetPasswordInput) {
  assertCapability(actor, "manageUsers");
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const user = await lockUser(tx, input.id);
    await tx.update(users).set({ passwordHash }).where(eq(users.id, user.id));
    const sessionsEnded = await endUserSessions(tx, user.id, "passwordReset");
    await tx.delete(loginAttempts).where(and(eq(loginAttempts.kind, "user"), eq(loginAttempts.key, user.username.toLowerCase())));
    await writeAudit(tx, actor, {
      action: "user.resetPassword",
      entity: "user",
      entityId: user.id,
      unitId: user.unitId,
      after: { passwordReset: true, sessionsEnded },
    });
    return { id: user.id };
  });
}
