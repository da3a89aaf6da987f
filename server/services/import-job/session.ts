import "server-only";
import type { Tx } from "~/db/client";
import type { ImportJob } from "~/db/schema";
import type { Actor } from "~/server/scope";
import type { LiveProgress } from "./progress";

export type JobFields = Partial<Omit<ImportJob, "id" | "userId" | "unitId" | "kind" | "fileName" | "createdAt">>;

/** Thrown inside the write transaction when this runner no longer owns the job (it was reclaimed). */
export class LostJob extends Error {}

/** Test hooks: `beforeCommit` runs inside the write transaction just before it commits (a crash there must leave nothing); `onProgress` sees every progress step. */
export type ExecuteHooks = { beforeCommit?: () => Promise<void>; onProgress?: (progress: LiveProgress) => void };

/** What the code of one kind of job gets from the runner (server/services/import-job/execute.ts). */
export type JobSession = {
  job: ImportJob;
  actor: Actor;
  hooks: ExecuteHooks;
  /** Progress: at once for `importJob.get` in this process, and (best effort, at most every 300 ms) in the job's row. */
  progress: (fields: LiveProgress) => void;
  /** Ends the job (status, result, error); the stored file is dropped. */
  finish: (fields: JobFields) => Promise<unknown>;
  /** Inside the write transaction: locks the job row, or throws LostJob when this runner no longer owns it. */
  own: (tx: Tx) => Promise<void>;
};
