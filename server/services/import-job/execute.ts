import "server-only";
import { TRPCError } from "@trpc/server";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "~/db/client";
import { importJobs, type ImportJob } from "~/db/schema";
import { loadActor } from "~/server/auth/load-actor";
import { writeAudit } from "~/server/services/audit/write";
import { runRosterJob } from "~/server/services/officer-import/job";
import { rowsToWrite, writeImport } from "~/server/services/spreadsheet/import";
import { planImport, summarise } from "~/server/services/spreadsheet/plan";
import type { JobResult } from "./get";
import { liveProgress, type LiveProgress } from "./progress";
import { LostJob, type ExecuteHooks, type JobFields, type JobSession } from "./session";
import { m } from "~/lib/server-message";

export type { ExecuteHooks } from "./session";

/**
 * Runs one claimed job: the code of its kind (the quarterly report file below, the officers
 * roster in server/services/officer-import/job.ts) checks the file with its progress saved as it
 * goes, then writes everything in one transaction that also marks the job succeeded. A file
 * with errors ends the job as failed with the errors kept for the page; nothing is written then,
 * nor when anything else fails. "busy": the worker pool was full, the job waits for the next round.
 */
export async function executeImportJob(db: Db, job: ImportJob, hooks: ExecuteHooks = {}): Promise<"done" | "busy"> {
  const mine = and(eq(importJobs.id, job.id), eq(importJobs.status, "running"), eq(importJobs.attempts, job.attempts));
  const save = (fields: JobFields) => db.update(importJobs).set(fields).where(mine);
  // Progress and heartbeats are best effort and never awaited by the work they describe.
  const note = (fields: JobFields) => void save({ ...fields, heartbeatAt: new Date() }).catch(() => {});
  const heartbeat = setInterval(() => note({}), 5_000);
  heartbeat.unref();
  const finish = (fields: JobFields) => save({ phase: "done", content: null, finishedAt: new Date(), ...fields });
  let lastNote = 0;
  const progress = (fields: LiveProgress) => {
    const live = { ...liveProgress.get(job.id), ...fields };
    liveProgress.set(job.id, live);
    hooks.onProgress?.(live);
    // Rows written are counted inside the write transaction, which holds the job row: memory only.
    if (fields.rowsWritten !== undefined) return;
    if (fields.phase === undefined && Date.now() - lastNote < 300) return;
    lastNote = Date.now();
    note(live);
  };
  try {
    const actor = await loadActor(db, job.userId);
    if (!actor) {
      await finish({ status: "failed", error: m("importJob.theAccountIsNoLongerActive") });
      return "done";
    }
    const session: JobSession = {
      job,
      actor,
      hooks,
      progress,
      finish,
      own: async (tx) => {
        // The job row is locked in the write transaction: the data and “succeeded” commit together,
        // and a runner that lost the job (reclaimed after a stall) writes nothing.
        const [owned] = await tx.select({ id: importJobs.id }).from(importJobs).where(mine).for("update");
        if (!owned) throw new LostJob();
      },
    };
    await (job.kind === "report" ? runReportJob(db, session) : runRosterJob(db, session));
    return "done";
  } catch (err) {
    if (err instanceof LostJob) return "done";
    if (err instanceof TRPCError && err.code === "TOO_MANY_REQUESTS") {
      // The pool is full: back in the queue as if never started.
      await save({ status: "queued", phase: "queued", attempts: job.attempts - 1 }).catch(() => {});
      return "busy";
    }
    if (!(err instanceof TRPCError)) console.error(`import job ${job.id} failed:`, err);
    const message =
      err instanceof TRPCError && err.code !== "INTERNAL_SERVER_ERROR" ? err.message : m("importJob.theImportFailedNothingWasImported");
    await finish({ status: "failed", error: message }).catch(() => {});
    return "done";
  } finally {
    clearInterval(heartbeat);
    liveProgress.delete(job.id);
  }
}

/** The quarterly report file: parse (worker thread) → check every row → write it all in one transaction. */
async function runReportJob(db: Db, { job, actor, hooks, progress, finish, own }: JobSession): Promise<void> {
  const plan = await planImport(
    db,
    actor,
    { fileName: job.fileName, contentBase64: job.content ?? "" },
    {
      owner: `job:${job.id}`,
      onParsed: (rows) => progress({ phase: "checking", rowsTotal: rows }),
      onChecked: (rows) => progress({ rowsChecked: rows }),
    },
  );
  const rowsTotal = liveProgress.get(job.id)?.rowsTotal ?? 0;
  if (plan.errors.count > 0) {
    const result: JobResult = { errorCount: plan.errors.count, errors: plan.errors.listed };
    await finish({
      status: "failed",
      rowsTotal,
      rowsChecked: rowsTotal,
      result,
      error: m("importJob.errorsNothingImported", { count: plan.errors.count }),
    });
    return;
  }
  const summary = summarise(plan, null);
  const total = rowsToWrite(plan);
  progress({ phase: "writing", rowsChecked: rowsTotal, writeTotal: total });
  await db.transaction(async (tx) => {
    await own(tx);
    const imported = await writeImport(tx, actor, plan, (n) => progress({ rowsWritten: n }));
    const result: JobResult = { imported, groups: summary.groups.length };
    await writeAudit(tx, actor, {
      action: "import_job.finish",
      entity: "import_job",
      entityId: job.id,
      unitId: job.unitId,
      after: { fileName: job.fileName, ...imported },
    });
    await hooks.beforeCommit?.();
    await tx
      .update(importJobs)
      .set({
        status: "succeeded",
        phase: "done",
        rowsTotal,
        rowsChecked: rowsTotal,
        writeTotal: total,
        rowsWritten: total,
        result,
        content: null,
        finishedAt: sql`now()`,
      })
      .where(eq(importJobs.id, job.id));
  });
}
