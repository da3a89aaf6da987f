import type { Session } from "next-auth";
import type { Db } from "~/db/client";
import type { Actor } from "~/server/scope";
import { loadActor } from "./load-actor";

/** The user id and session version a session was issued for (auth-config.ts puts them there). */
export function sessionClaims(session: Session | null): { userId: number; sessionVersion: number } | null {
  const userId = Number(session?.user?.id);
  if (!Number.isInteger(userId) || userId <= 0) return null;
  const v = (session as { sessionVersion?: unknown }).sessionVersion;
  return { userId, sessionVersion: typeof v === "number" ? v : 0 };
}

/** The actor of a session, or null: signed out, deactivated, or signed in before a password reset. */
export async function actorOfSession(db: Db, session: Session | null): Promise<Actor | null> {
  const claims = sessionClaims(session);
  return claims ? loadActor(db, claims.userId, claims.sessionVersion) : null;
}
