import type { Session } from "next-auth";
import type { Db } from "~/db/client";
import type { Actor } from "~/server/scope";
import { loadActor } from "./load-actor";
import { sessionClaimsOf } from "./session-token";

/** The user id and session row a next-auth session was issued for (auth-config.ts puts them there). */
export const sessionClaims = (session: Session | null) =>
  sessionClaimsOf(session?.user?.id, (session as { sessionId?: unknown } | null)?.sessionId);

/** The actor of a next-auth session (its `session` callback's shape; scripts and tests), or null: signed out, ended (everywhere, password reset), deactivated. */
export async function actorOfSession(db: Db, session: Session | null): Promise<Actor | null> {
  const claims = sessionClaims(session);
  return claims ? loadActor(db, claims.userId, claims.sessionId) : null;
}
