import "server-only";
import type { ImportJob } from "~/db/schema";

/** The progress fields of a job that the runner updates as it goes. */
export type LiveProgress = Partial<Pick<ImportJob, "phase" | "rowsTotal" | "rowsChecked" | "writeTotal" | "rowsWritten">>;

/**
 * Progress of the jobs this process is running. A write transaction cannot publish its progress
 * through the database (nothing in it is visible before it commits — and the roster import
 * checks its rows inside its transaction), so the counts live here and `importJob.get` lays
 * them over the stored row while the job runs.
 */
const state = globalThis as unknown as { importJobLive?: Map<number, LiveProgress> };
export const liveProgress = (state.importJobLive ??= new Map<number, LiveProgress>());

/**
 * The jobs this process is running, as claimed. Their owner's polls are answered from here (with
 * the live progress) without the database: on PGlite (one connection) a query would wait for the
 * roster check's or the write's open transaction, and the bars would not move until the end.
 */
const running = globalThis as unknown as { importJobsRunning?: Map<number, ImportJob> };
export const runningJobs = (running.importJobsRunning ??= new Map<number, ImportJob>());
