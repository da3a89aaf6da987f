import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { Db } from "~/db/client";
import { sessions, units, users } from "~/db/schema";
import type { Actor } from "~/server/scope";

/**
 * The actor behind a session, read fresh on every request: a deactivated user, or one whose
 * role or unit changed, is treated accordingly on their next request. With `sessionId` (the
 * session row the token names), the same query requires that row to be open and the user's
 * own: a session ended by signing out, "sign out everywhere", a password reset or deactivation
 * is no session at all, whoever replays its cookie. Without it (scripts, tests) no session is checked.
 */
export async function loadActor(db: Db, userId: number, sessionId?: string): Promise<Actor | null> {
  const base = db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      role: users.role,
      unitId: users.unitId,
      unitPath: units.path,
    })
    .from(users)
    .innerJoin(units, eq(units.id, users.unitId));
  const active = and(eq(users.id, userId), eq(users.active, true));
  const [row] =
    sessionId === undefined
      ? await base.where(active).limit(1)
      : await base
          .innerJoin(
            sessions,
            and(eq(sessions.id, sessionId), eq(sessions.userId, users.id), isNull(sessions.endedAt), gt(sessions.expiresAt, sql`now()`)),
          )
          .where(active)
          .limit(1);
  return row ?? null;
}
