import type { Session } from "next-auth";
import type { Db } from "~/db/client";
import type { Actor } from "~/server/scope";
import { loadActor } from "./load-actor";

/** The user id and session row a session was issued for (auth-config.ts puts them there). */
export function sessionClaims(session: Session | null): { userId: number; sessionId: string } | null {
  const userId = Number(session?.user?.id);
  if (!Number.isInteger(userId) || userId <= 0) return null;
  const sid = (session as { sessionId?: unknown } | null)?.sessionId;
  // A token without a session row (issued before sessions were rows, or forged) is no session.
  if (typeof sid !== "string" || !/^[A-Za-z0-9_-]{16,64}$/.test(sid)) return null;
  return { userId, sessionId: sid };
}

/** The actor of a session, or null: signed out, ended (everywhere, password reset), deactivated. */
export async function actorOfSession(db: Db, session: Session | null): Promise<Actor | null> {
  const claims = sessionClaims(session);
  return claims ? loadActor(db, claims.userId, claims.sessionId) : null;
}
