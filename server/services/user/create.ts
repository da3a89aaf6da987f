import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "~/db/client";
import { users } from "~/db/schema";
import { hashPassword } from "~/server/auth/password";
import { assertCapability, type Actor } from "~/server/scope";
import { writeAudit } from "~/server/services/audit/write";
import { isUniqueViolation, lockUsableUnit, publicUserColumns, usernameTaken, userSnapshot } from "./guards";
import type { CreateUserInput } from "./schemas";

/** Creates a user at an active unit (admin only); returns the user without the password hash. */
export async function createUser({ db, actor }: { db: Db; actor: Actor }, input: CreateUserInput) {
  assertCapability(actor, "manageUsers");
  // argon2 takes tens of milliseconds: hash before the transaction opens, not while it holds locks.
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.transaction(async (tx) => {
      const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.username, input.username)).limit(1);
      if (taken) throw usernameTaken(input.username);
      await lockUsableUnit(tx, input.unitId);
      const [created] = await tx
        .insert(users)
        .values({ username: input.username, displayName: input.displayName, role: input.role, unitId: input.unitId, passwordHash })
        .returning();
      await writeAudit(tx, actor, {
        action: "user.create",
        entity: "user",
        entityId: created!.id,
        unitId: created!.unitId,
        after: userSnapshot(created!),
      });
      const [user] = await tx.select(publicUserColumns).from(users).where(eq(users.id, created!.id));
      return user!;
    });
  } catch (err) {
    // Two admins creating the same username at once: the unique key lets one through.
    if (isUniqueViolation(err)) throw usernameTaken(input.username);
    throw err;
  }
}
