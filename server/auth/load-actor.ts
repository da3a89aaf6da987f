import { and, eq } from "drizzle-orm";
import type { Db } from "~/db/client";
import { units, users } from "~/db/schema";
import type { Actor } from "~/server/scope";

/**
 * The actor behind a session, read fresh on every request: a deactivated user, or one whose
 * role or unit changed, is treated accordingly on their next request. With `sessionVersion`
 * (what the session token was issued under), a session from before the user's last password
 * reset is no session at all.
 */
export async function loadActor(db: Db, userId: number, sessionVersion?: number): Promise<Actor | null> {
  const [row] = await db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      role: users.role,
      unitId: users.unitId,
      unitPath: units.path,
      sessionVersion: users.sessionVersion,
    })
    .from(users)
    .innerJoin(units, eq(units.id, users.unitId))
    .where(and(eq(users.id, userId), eq(users.active, true)))
    .limit(1);
  if (!row || (sessionVersion !== undefined && row.sessionVersion !== sessionVersion)) return null;
  const { sessionVersion: _v, ...actor } = row;
  return actor;
}
