import { and, eq, sql } from "drizzle-orm";
import type { Db, Tx } from "~/db/client";
import { loginAttempts } from "~/db/schema";
import { admit, bucketExpiry, freshBucket, settle, type Bucket, type ThrottleKey } from "./throttle-policy";

/** The bucket of one key, created if missing, and locked for the rest of the transaction. */
async function lockBucket(tx: Db | Tx, k: ThrottleKey, now: Date, windowMs: number): Promise<Bucket> {
  const fresh = freshBucket(now);
  await tx
    .insert(loginAttempts)
    .values({ kind: k.kind, key: k.key, ...fresh, expiresAt: bucketExpiry(fresh, windowMs) })
    .onConflictDoNothing();
  const [row] = await tx
    .select()
    .from(loginAttempts)
    .where(and(eq(loginAttempts.kind, k.kind), eq(loginAttempts.key, k.key)))
    .for("update");
  return row!;
}

async function saveBucket(tx: Db | Tx, k: ThrottleKey, bucket: Bucket | null, windowMs: number) {
  const where = and(eq(loginAttempts.kind, k.kind), eq(loginAttempts.key, k.key));
  if (!bucket) {
    await tx.delete(loginAttempts).where(where);
    return;
  }
  const { failures, windowStart, lockedUntil, refused } = bucket;
  await tx
    .update(loginAttempts)
    .set({ failures, windowStart, lockedUntil, refused, expiresAt: bucketExpiry(bucket, windowMs) })
    .where(where);
}

export type AdmitResult = { admitted: true } | { admitted: false; retryAt: Date; kind: ThrottleKey["kind"]; refused: number };

/**
 * Lets one sign-in attempt through, or not. Call inside a transaction: the buckets stay locked
 * until it commits, so two servers on one PostgreSQL count every attempt. Keys are taken in a
 * fixed order (ip, then user), so two attempts never wait for each other in a circle.
 */
export async function admitAttempt(tx: Db | Tx, keys: ThrottleKey[], now: Date, windowMs: number): Promise<AdmitResult> {
  const decided = [];
  for (const k of keys) decided.push({ k, a: admit(await lockBucket(tx, k, now, windowMs), now, k.limit, windowMs) });
  const refusals = decided.flatMap(({ k, a }) => (a.admitted ? [] : [{ k, bucket: a.bucket, retryAt: a.retryAt }]));
  // A refused attempt costs the other buckets nothing; it is only counted where it was refused.
  for (const { k, bucket } of refusals.length ? refusals : decided.map(({ k, a }) => ({ k, bucket: a.bucket }))) {
    await saveBucket(tx, k, bucket, windowMs);
  }
  if (!refusals.length) return { admitted: true };
  const worst = refusals.reduce((a, b) => (b.retryAt > a.retryAt ? b : a));
  return { admitted: false, retryAt: worst.retryAt, kind: worst.k.kind, refused: worst.bucket.refused };
}

/**
 * Records how an admitted attempt ended; returns when the attempt's buckets are locked until
 * (a failure that reached a limit), else null. Also deletes buckets that expired long ago.
 */
export async function settleAttempt(tx: Db | Tx, keys: ThrottleKey[], success: boolean, now: Date, windowMs: number): Promise<Date | null> {
  let lockedUntil: Date | null = null;
  for (const k of keys) {
    const after = settle(await lockBucket(tx, k, now, windowMs), k.kind, success, now, k.limit, windowMs);
    await saveBucket(tx, k, after, windowMs);
    if (after?.lockedUntil && after.lockedUntil > now && (!lockedUntil || after.lockedUntil > lockedUntil)) lockedUntil = after.lockedUntil;
  }
  // Prune what no longer matters; SKIP LOCKED: never wait for (or deadlock with) another sign-in.
  await tx.execute(sql`delete from login_attempts where (kind, key) in
    (select kind, key from login_attempts where expires_at < ${now.toISOString()}::timestamptz limit 100 for update skip locked)`);
  return lockedUntil;
}
