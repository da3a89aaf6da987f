import type { LoginAttemptKind } from "~/db/schema";
import { envNumber } from "./env-number";

/**
 * Sign-in throttling rules (ASVS V6.3.1): at most `maxPerAccount` failed sign-ins per account
 * name and `maxPerIp` per client address within `windowMs`; one more and that bucket refuses
 * every attempt, right password or not, for `windowMs`. Attempts whose address cannot be known
 * count in an "unknown:<account name>" bucket with its own limit; 0 switches a limit off.
 */
export type ThrottlePolicy = { maxPerAccount: number; maxPerIp: number; maxPerUnknownIp: number; windowMs: number };

export const UNKNOWN_IP = "unknown";

export function throttlePolicy(env: NodeJS.ProcessEnv = process.env): ThrottlePolicy {
  return {
    maxPerAccount: envNumber(env, "LOGIN_MAX_FAILURES_PER_ACCOUNT", 10, { allowZero: true }),
    maxPerIp: envNumber(env, "LOGIN_MAX_FAILURES_PER_IP", 50, { allowZero: true }),
    maxPerUnknownIp: envNumber(env, "LOGIN_MAX_FAILURES_UNKNOWN_IP", 200, { allowZero: true }),
    windowMs: envNumber(env, "LOGIN_WINDOW_MINUTES", 15) * 60_000,
  };
}

export type ThrottleKey = { kind: LoginAttemptKind; key: string; limit: number };

/**
 * The buckets one attempt counts against: the account name as typed (case folded) and the
 * client address. When the address cannot be known, the “unknown address” bucket is kept per
 * account name (`unknown:<name>`): made-up names can then never fill one bucket that locks
 * everyone out; guessing is still held by the per-account limit.
 */
export function throttleKeys(username: string, ip: string | null, policy: ThrottlePolicy): ThrottleKey[] {
  const account = Array.from(username.trim().toLowerCase()).slice(0, 64).join("");
  const keys: ThrottleKey[] = [
    ip ? { kind: "ip", key: ip, limit: policy.maxPerIp } : { kind: "ip", key: `${UNKNOWN_IP}:${account}`, limit: policy.maxPerUnknownIp },
    { kind: "user", key: account, limit: policy.maxPerAccount },
  ];
  return keys.filter((k) => k.limit > 0);
}

/** One bucket's state (a `login_attempts` row without its key). */
export type Bucket = { failures: number; windowStart: Date; lockedUntil: Date | null; refused: number };

export const freshBucket = (now: Date): Bucket => ({ failures: 0, windowStart: now, lockedUntil: null, refused: 0 });

export type Admission = { admitted: true; bucket: Bucket } | { admitted: false; bucket: Bucket; retryAt: Date };

/**
 * Whether a bucket lets one more attempt through. An admitted attempt is counted at once, as a
 * failure until proven otherwise, so a burst of parallel guesses cannot slip past the limit
 * while the first ones are still being checked.
 */
export function admit(current: Bucket, now: Date, limit: number, windowMs: number): Admission {
  if (current.lockedUntil && current.lockedUntil > now) {
    return { admitted: false, retryAt: current.lockedUntil, bucket: { ...current, refused: current.refused + 1 } };
  }
  const expired = current.lockedUntil !== null || current.windowStart.getTime() + windowMs <= now.getTime();
  const bucket = expired ? freshBucket(now) : current;
  if (bucket.failures >= limit) {
    // The limit is filled by attempts still in flight: refuse until the window ends.
    return {
      admitted: false,
      retryAt: new Date(bucket.windowStart.getTime() + windowMs),
      bucket: { ...bucket, refused: bucket.refused + 1 },
    };
  }
  return { admitted: true, bucket: { ...bucket, failures: bucket.failures + 1 } };
}

/**
 * The bucket after an admitted attempt is decided. A failure that fills the limit locks the
 * bucket for a whole window. Success clears the account's bucket (null: delete it) but only
 * takes its own attempt back from the address's, so signing in to one account of one's own
 * does not reset a guessing run against others.
 */
export function settle(
  current: Bucket,
  kind: LoginAttemptKind,
  success: boolean,
  now: Date,
  limit: number,
  windowMs: number,
): Bucket | null {
  if (success) return kind === "user" ? null : { ...current, failures: Math.max(0, current.failures - 1) };
  if (current.failures >= limit && !(current.lockedUntil && current.lockedUntil > now)) {
    return { ...current, lockedUntil: new Date(now.getTime() + windowMs), refused: 0 };
  }
  return current;
}

/** When a bucket stops mattering (its window is over and any lock has ended). */
export function bucketExpiry(bucket: Bucket, windowMs: number): Date {
  const windowEnd = bucket.windowStart.getTime() + windowMs;
  return new Date(Math.max(windowEnd, bucket.lockedUntil?.getTime() ?? 0));
}

/** Whole minutes until `at`, at least 1: what the “try again in N minutes” message says. */
export const minutesUntil = (at: Date, now: Date) => Math.max(1, Math.ceil((at.getTime() - now.getTime()) / 60_000));

/** Refusals during one lock are audited at the 1st, 10th, 100th, …: the volume shows, the log does not flood. */
export const auditsRefusal = (n: number) => /^10*$/.test(String(n));
