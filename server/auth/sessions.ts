import { randomBytes } from "node:crypto";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db, Tx } from "~/db/client";
import { sessions, type SessionEndReason } from "~/db/schema";
import { writeAudit } from "~/server/services/audit/write";

/** A fresh session id: 128 random bits (ASVS 7.2.3), base64url. */
export const newSessionId = () => randomBytes(16).toString("base64url");

/** Opens the session row of a sign-in; the token will carry its id (auth-config.ts `sid`). */
export async function openSession(tx: Db | Tx, userId: number, now: Date, maxMs: number): Promise<string> {
  const id = newSessionId();
  await tx.insert(sessions).values({ id, userId, createdAt: now, expiresAt: new Date(now.getTime() + maxMs) });
  // Rows past their absolute limit say nothing any more (SKIP LOCKED: never wait for another sign-in).
  await tx.execute(sql`delete from sessions where id in
    (select id from sessions where expires_at < ${now.toISOString()}::timestamptz limit 100 for update skip locked)`);
  return id;
}

/** Ends one session (signing out). Returns whether it was still open. */
export async function endSession(db: Db | Tx, sessionId: string, reason: SessionEndReason, now = new Date()): Promise<boolean> {
  const ended = await db
    .update(sessions)
    .set({ endedAt: now, endedReason: reason })
    .where(and(eq(sessions.id, sessionId), isNull(sessions.endedAt)))
    .returning({ id: sessions.id });
  return ended.length > 0;
}

/** Ends every open session of a user (sign out everywhere, password reset, deactivation); returns how many. */
export async function endUserSessions(db: Db | Tx, userId: number, reason: SessionEndReason, now = new Date()): Promise<number> {
  const ended = await db
    .update(sessions)
    .set({ endedAt: now, endedReason: reason })
    .where(and(eq(sessions.userId, userId), isNull(sessions.endedAt)))
    .returning({ id: sessions.id });
  return ended.length;
}

/** next-auth's sign-out event: the token's session row ends, and the sign-out is audited once. */
export async function endSignedOutSession(db: Db, token: Record<string, unknown> | null | undefined): Promise<void> {
  const uid = Number(token?.uid);
  if (typeof token?.sid !== "string" || !Number.isInteger(uid) || uid <= 0) return;
  if (await endSession(db, token.sid, "signOut"))
    await writeAudit(db, { id: uid }, { action: "auth.signOut", entity: "user", entityId: uid });
}
