import "server-only";
import { eq, sql } from "drizzle-orm";
import { queryRows, type Db } from "~/db/client";
import { importJobs, type ImportJob } from "~/db/schema";
import { executeImportJob } from "./execute";
import { m } from "~/lib/server-message";

/**
 * The background runner of import jobs: a jobs table claimed with `FOR UPDATE SKIP LOCKED`
 * (docs/decisions.md says why not pg-boss). One job at a time per process; any number of
 * processes may run it. A job whose runner stopped sending heartbeats (the server restarted
 * mid-way) is claimed again and re-run from its stored file — its earlier attempt wrote nothing,
 * since the data and the job's `succeeded` commit in one transaction.
 */

/** A running job without a heartbeat for this long belongs to a runner that is gone. */
export const STALE_SECONDS = 30;
/** Attempts (restarts included) before a job is failed for good. */
export const MAX_ATTEMPTS = 3;

/** Takes the oldest waiting (or abandoned) job, or null. */
export async function claimImportJob(db: Db): Promise<ImportJob | null> {
  const [claimed] = await queryRows<{ id: number }>(
    db,
    sql`UPDATE import_jobs
        SET status = 'running', phase = 'parsing', attempts = attempts + 1, rows_checked = 0, rows_written = 0,
            started_at = coalesce(started_at, now()), heartbeat_at = now()
        WHERE id = (
          SELECT id FROM import_jobs
          WHERE status = 'queued' OR (status = 'running' AND heartbeat_at < now() - interval '${sql.raw(String(STALE_SECONDS))} seconds')
          ORDER BY id
          LIMIT 1
          FOR UPDATE SKIP LOCKED)
        RETURNING id`,
  );
  if (!claimed) return null;
  const [job] = await db.select().from(importJobs).where(eq(importJobs.id, claimed.id));
  return job ?? null;
}

/** Claims and runs one job; false when there was none to run (or the pool is full for now). */
export async function runNextImportJob(db: Db): Promise<boolean> {
  const job = await claimImportJob(db);
  if (!job) return false;
  if (job.attempts > MAX_ATTEMPTS) {
    await db
      .update(importJobs)
      .set({
        status: "failed",
        phase: "done",
        content: null,
        finishedAt: new Date(),
        error: m("importJob.theImportWasInterruptedTooOften"),
      })
      .where(eq(importJobs.id, job.id));
    return true;
  }
  return (await executeImportJob(db, job)) !== "busy";
}

const state = globalThis as unknown as { importRunner?: { draining: Promise<void> | null; timer?: NodeJS.Timeout } };
const runner = (state.importRunner ??= { draining: null });

/** Runs waiting jobs one after another in the background until none is left. */
export function kickImportRunner(db: Db): void {
  if (runner.draining) return;
  runner.draining = (async () => {
    try {
      while (await runNextImportJob(db));
    } catch (err) {
      console.error("import job runner:", err);
    } finally {
      runner.draining = null;
    }
  })();
}

/** The runner finishes what it has started (tests, shutdown). */
export const importRunnerIdle = () => runner.draining ?? Promise.resolve();

/** At server start: resume jobs a previous process left, then look for work every few seconds. */
export function startImportRunner(getDb: () => Promise<Db>): void {
  if (runner.timer) return;
  const tick = () => void getDb().then(kickImportRunner, () => {});
  runner.timer = setInterval(tick, 5_000);
  runner.timer.unref();
  tick();
}
