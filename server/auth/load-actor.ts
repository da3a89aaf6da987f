import { and, eq } from "drizzle-orm";
import type { Db } from "~/db/client";
import { units, users } from "~/db/schema";
import type { Actor } from "~/server/scope";

/**
 * The actor behind a session, read fresh on every request: a deactivated user, or one whose
 * role or unit changed, is treated accordingly on their next request.
 */
export async function loadActor(db: Db, userId: number): Promise<Actor | null> {
  const [row] = await db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      role: users.role,
      unitId: users.unitId,
      unitPath: units.path,
    })
    .from(users)
    .innerJoin(units, eq(units.id, users.unitId))
    .where(and(eq(users.id, userId), eq(users.active, true)))
    .limit(1);
  return row ?? null;
}
