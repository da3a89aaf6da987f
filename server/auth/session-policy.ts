import { envNumber } from "./env-number";

/** How long a session lives: `idleMs` without a request, `maxMs` after signing in whatever happens. */
export type SessionPolicy = { idleMs: number; maxMs: number };

export function sessionPolicy(env: NodeJS.ProcessEnv = process.env): SessionPolicy {
  return {
    idleMs: envNumber(env, "SESSION_IDLE_MINUTES", 30) * 60_000,
    maxMs: envNumber(env, "SESSION_MAX_HOURS", 12) * 3_600_000,
  };
}

/** The times a session token carries (epoch ms): when its user signed in, and their latest request. */
export type SessionTimes = { authTime: unknown; lastSeen: unknown };

export type SessionVerdict = "active" | "idle" | "expired";

/**
 * Whether a session may go on at `now`. A token without its times (issued before they were
 * recorded, or forged without them) is expired: signing in again is cheap, guessing is not.
 */
export function sessionVerdict(token: SessionTimes, now: number, policy: SessionPolicy): SessionVerdict {
  const { authTime, lastSeen } = token;
  if (typeof authTime !== "number" || typeof lastSeen !== "number") return "expired";
  if (now - authTime >= policy.maxMs || authTime > now + 60_000) return "expired";
  if (now - lastSeen >= policy.idleMs) return "idle";
  return "active";
}
