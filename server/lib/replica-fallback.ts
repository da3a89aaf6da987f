import { isDatabaseUnavailable } from "~/server/lib/db-unavailable";

/** How long the replica is passed over after it failed: reads go to the primary meanwhile. */
export const replicaPauseMs = 10_000;

/**
 * Dashboard reads through a read replica (DATABASE_READ_URL, docs/scaling.md) that fall back
 * to the primary when the replica is unreachable or lost: the failed read is run again on the
 * primary at once (reads are safe to repeat), and the replica is passed over for
 * `replicaPauseMs`, so one stopped standby costs each instance one slow read, not one per request.
 * `attempt` runs the read against the replica (true) or the primary (false); it returns tRPC's
 * middleware result, so an error is a value (`ok: false`), not a throw.
 */
export function createReplicaFallback(now: () => number = Date.now) {
  let pausedUntil = 0;
  return async function readWithFallback<R extends { ok: boolean; error?: unknown }>(
    attempt: (onReplica: boolean) => Promise<R>,
  ): Promise<R> {
    if (now() < pausedUntil) return attempt(false);
    const result = await attempt(true);
    if (result.ok || !isDatabaseUnavailable(result.error)) return result;
    pausedUntil = now() + replicaPauseMs;
    console.error(`read replica unavailable: dashboard reads go to the primary for ${replicaPauseMs / 1000} s`);
    return attempt(false);
  };
}
