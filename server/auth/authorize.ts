import { eq } from "drizzle-orm";
import type { Db, Tx } from "~/db/client";
import { users } from "~/db/schema";
import { z } from "~/server/lib/zod";
import { writeAudit } from "~/server/services/audit/write";
import { dummyPasswordHash, verifyPassword } from "./password";
import { sessionPolicy } from "./session-policy";
import { openSession } from "./sessions";
import { admitAttempt, settleAttempt } from "./throttle";
import { auditsRefusal, minutesUntil, throttleKeys, throttlePolicy, type ThrottlePolicy } from "./throttle-policy";

/** Text no account name or password can hold, that PostgreSQL could not even compare: NUL, unpaired surrogates. */
const storable = (s: string) => !s.includes("\u0000") && s.isWellFormed();

const credentialsSchema = z.object({
  username: z.string().trim().min(1).refine(storable),
  password: z.string().min(1).refine(storable),
});

/** An account name as the buckets and the audit log keep it: its first 64 characters, never half an emoji. */
export const typedName = (username: string) => Array.from(username).slice(0, 64).join("");

export type SignedInUser = { id: string; name: string; sessionId: string };
/** Why a sign-in failed, as the audit log says it; callers show one message for all but `throttled`. */
export type SignInFailure = "bad_credentials" | "inactive" | "throttled";
export type SignInResult = { ok: true; user: SignedInUser } | { ok: false; reason: SignInFailure; retryAfterMinutes?: number };

export type SignInOptions = { ip?: string | null; now?: () => Date; policy?: ThrottlePolicy; sessionMaxMs?: number };

/**
 * Checks a username and password under the sign-in throttle, and audits the outcome.
 * Unknown users, wrong passwords and deactivated accounts give the same answer; a throttled
 * account name gives the same answer whether it exists or not (no user enumeration).
 */
export async function attemptSignIn(db: Db, credentials: unknown, opts: SignInOptions = {}): Promise<SignInResult> {
  const parsed = credentialsSchema.safeParse(credentials);
  // Empty fields, or characters no account has: nothing was tried, the answer is the usual one.
  if (!parsed.success) return { ok: false, reason: "bad_credentials" };
  const { username, password } = parsed.data;
  const policy = opts.policy ?? throttlePolicy();
  const clock = opts.now ?? (() => new Date());
  const ip = opts.ip ?? null;
  const keys = throttleKeys(username, ip, policy);
  const typed = typedName(username);

  const [user] = await db.select().from(users).where(eq(users.username, typed)).limit(1);
  const who = user ? { id: user.id } : null;
  const audit = (tx: Db | Tx, action: string, after: Record<string, unknown>) =>
    writeAudit(tx, who, {
      action,
      entity: "user",
      entityId: user?.id ?? null,
      unitId: user?.unitId ?? null,
      after: { username: typed, ip, ...after },
    });

  const start = clock();
  const admission = await db.transaction(async (tx) => {
    const a = await admitAttempt(tx, keys, start, policy.windowMs);
    if (!a.admitted && auditsRefusal(a.refused)) {
      await audit(tx, "auth.signInFailed", {
        reason: "throttled",
        bucket: a.kind,
        refusedDuringLock: a.refused,
        retryAt: a.retryAt.toISOString(),
      });
    }
    return a;
  });
  if (!admission.admitted) return { ok: false, reason: "throttled", retryAfterMinutes: minutesUntil(admission.retryAt, start) };

  // Long inputs are never a match; the dummy hash keeps the time of an unknown user's answer the same.
  const matches = password.length <= 256 && (await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password));
  const reason: SignInFailure | null = !user || !matches ? "bad_credentials" : !user.active ? "inactive" : null;

  const end = clock();
  const { lockedUntil, sessionId } = await db.transaction(async (tx) => {
    const locked = await settleAttempt(tx, keys, reason === null, end, policy.windowMs);
    // A successful sign-in opens its session row in the same transaction as its audit row.
    const sid = reason === null ? await openSession(tx, user!.id, end, opts.sessionMaxMs ?? sessionPolicy().maxMs) : null;
    if (reason === null) await audit(tx, "auth.signIn", {});
    else await audit(tx, "auth.signInFailed", { reason, ...(locked ? { lockedUntil: locked.toISOString() } : {}) });
    return { lockedUntil: locked, sessionId: sid };
  });
  if (reason === null) return { ok: true, user: { id: String(user!.id), name: user!.displayName, sessionId: sessionId! } };
  // The failure that reaches a limit already answers with the wait, so the user learns it at once.
  if (lockedUntil) return { ok: false, reason: "throttled", retryAfterMinutes: minutesUntil(lockedUntil, end) };
  return { ok: false, reason };
}

/** `attemptSignIn` for callers that only need who it is: the user, or null for every kind of failure. */
export async function authorizeCredentials(
  db: Db,
  credentials: unknown,
  opts?: SignInOptions,
): Promise<{ id: string; name: string } | null> {
  const result = await attemptSignIn(db, credentials, opts);
  return result.ok ? { id: result.user.id, name: result.user.name } : null;
}
