import "server-only";
import { eq } from "drizzle-orm";
import type { Tx } from "~/db/client";
import { units, users, type Unit, type User } from "~/db/schema";
import { badInput, notFound } from "~/server/errors";
import { m } from "~/lib/server-message";

/** The columns of a user that may leave the server: never the password hash. */
export const publicUserColumns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  role: users.role,
  unitId: users.unitId,
  active: users.active,
  createdAt: users.createdAt,
};

export async function lockUser(tx: Tx, id: number): Promise<User> {
  const [user] = await tx.select().from(users).where(eq(users.id, id)).for("update").limit(1);
  if (!user) throw notFound(m("user.userNotFound", { id }));
  return user;
}

/**
 * The active unit a user is being placed in, share-locked so that deactivating it (which
 * takes the row for update, then counts users) waits for this write and then counts it.
 */
export async function lockUsableUnit(tx: Tx, unitId: number): Promise<Unit> {
  const [unit] = await tx.select().from(units).where(eq(units.id, unitId)).for("share").limit(1);
  if (!unit) throw badInput({ unitId: m("user.unitNotFound", { unitId }) });
  if (!unit.active) throw badInput({ unitId: m("user.theUnitIsInactive", { name: unit.name }) });
  return unit;
}

export const usernameTaken = (username: string) => badInput({ username: m("user.usernameIsAlreadyTaken", { username }) });

/** A unique-key violation (SQLSTATE 23505), possibly wrapped by drizzle, from either driver. */
export function isUniqueViolation(err: unknown): boolean {
  for (let e = err, i = 0; e && typeof e === "object" && i < 5; e = (e as { cause?: unknown }).cause, i++) {
    if ((e as { code?: unknown }).code === "23505") return true;
  }
  return false;
}

/** What the audit log records of a user: never the password hash. */
export function userSnapshot(u: User) {
  return { username: u.username, displayName: u.displayName, role: u.role, unitId: u.unitId, active: u.active };
}
