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
