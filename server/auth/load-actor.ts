import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { Db } from "~/db/client";
import { snapshotSql } from "~/db/snapshot";
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
  if (sessionId !== undefined) return (await loadSessionActor(db, userId, sessionId))?.actor ?? null;
  const [row] = await actorQuery(db)
    .where(and(eq(users.id, userId), eq(users.active, true)))
    .limit(1);
  return row ?? null;
}

/**
 * A request's actor and session check, with the database snapshot that one statement ran under
 * (db/snapshot.ts, which server/lib/snapshot-memo.ts keys remembered answers by).
 */
export async function loadSessionActor(db: Db, userId: number, sessionId: string): Promise<{ actor: Actor; snapshot: string } | null> {
  const [row] = await sessionActorQuery(db).execute({ userId, sessionId });
  if (!row) return null;
  const { snapshot, ...actor } = row;
  return { actor, snapshot };
}

const actorColumns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  role: users.role,
  unitId: users.unitId,
  unitPath: units.path,
};

const actorQuery = (db: Db) => db.select(actorColumns).from(users).innerJoin(units, eq(units.id, users.unitId));

/**
 * Every request's statement, built once per database (drizzle's prepared query: the SQL text is
 * not rebuilt per call, and postgres.js keeps it as a prepared statement where it may).
 */
const prepared = new WeakMap<Db, ReturnType<typeof prepareSessionActor>>();
const prepareSessionActor = (db: Db) =>
  db
    .select({ ...actorColumns, snapshot: snapshotSql().as("snapshot") })
    .from(users)
    .innerJoin(units, eq(units.id, users.unitId))
    .innerJoin(
      sessions,
      and(
        eq(sessions.id, sql.placeholder("sessionId")),
        eq(sessions.userId, users.id),
        isNull(sessions.endedAt),
        gt(sessions.expiresAt, sql`now()`),
      ),
    )
    .where(and(eq(users.id, sql.placeholder("userId")), eq(users.active, true)))
    .limit(1)
    .prepare("load_session_actor");

function sessionActorQuery(db: Db) {
  let query = prepared.get(db);
  if (!query) prepared.set(db, (query = prepareSessionActor(db)));
  return query;
}
