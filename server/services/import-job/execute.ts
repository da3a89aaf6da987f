import "server-only";
import { TRPCError } from "@trpc/server";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "~/db/client";
import { importJobs, type ImportJob } from "~/db/schema";
import { loadActor } from "~/server/auth/load-actor";
import { writeAudit } from "~/server/services/audit/write";
import { rowsToWrite, writeImport } from "~/server/services/spreadsheet/import";
import { planImport, summarise } from "~/server/services/spreadsheet/plan";
import type { JobResult } from "./get";
import { writtenSoFar } from "./progress";
import { m } from "~/lib/server-message";

type JobFields = Partial<Omit<ImportJob, "id" | "userId" | "unitId" | "fileName" | "createdAt">>;

/** Thrown inside the write transaction when this runner no longer owns the job (it was reclaimed). */
class LostJob extends Error {}

/** Test hook: runs inside the write transaction just before it commits (a crash there must leave nothing). */
export type ExecuteHooks = { beforeCommit?: () => Promise<void> };

/**
 * Runs one claimed job: parse (worker thread) → check every row (progress saved as it goes) →
 * write everything in one transaction that also marks the job succeeded. A file with errors
 * ends the job as failed with the errors kept for the page; nothing is written then, nor when
 * anything else fails. "busy": the worker pool was full, the job waits for the next round.
 */
export async function executeImportJob(db: Db, job: ImportJob, hooks: ExecuteHooks = {}): Promise<"done" | "busy"> {
  const mine = and(eq(importJobs.id, job.id), eq(importJobs.status, "running"), eq(importJobs.attempts, job.attempts));
  const save = (fields: JobFields) => db.update(importJobs).set(fields).where(mine);
  // Progress and heartbeats are best effort and never awaited by the work they describe.
  const note = (fields: JobFields) => void save({ ...fields, heartbeatAt: new Date() }).catch(() => {});
  const heartbeat = setInterval(() => note({}), 5_000);
  heartbeat.unref();
  const finish = (fields: JobFields) => save({ phase: "done", content: null, finishedAt: new Date(), ...fields });
  try {
    const actor = await loadActor(db, job.userId);
    if (!actor) {
      await finish({ status: "failed", error: m("importJob.theAccountIsNoLongerActive") });
      return "done";
    }
    let lastNote = 0;
    const plan = await planImport(
      db,
      actor,
      { fileName: job.fileName, contentBase64: job.content ?? "" },
      {
        owner: `job:${job.id}`,
        onParsed: (rows) => note({ phase: "checking", rowsTotal: rows }),
        onChecked: (rows) => {
          if (Date.now() - lastNote < 300) return;
          lastNote = Date.now();
          note({ rowsChecked: rows });
        },
      },
    );
    const [{ rowsTotal } = { rowsTotal: 0 }] = await db
      .select({ rowsTotal: importJobs.rowsTotal })
      .from(importJobs)
      .where(eq(importJobs.id, job.id));
    if (plan.errors.count > 0) {
      const result: JobResult = { errorCount: plan.errors.count, errors: plan.errors.listed };
      await finish({
        status: "failed",
        rowsChecked: rowsTotal,
        result,
        error: m("importJob.errorsNothingImported", { count: plan.errors.count }),
      });
      return "done";
    }
    const summary = summarise(plan, null);
    const total = rowsToWrite(plan);
    await save({ phase: "writing", rowsChecked: rowsTotal, writeTotal: total, heartbeatAt: new Date() });
    await db.transaction(async (tx) => {
      // The job row is locked in the same transaction: the data and “succeeded” commit together,
      // and a runner that lost the job (reclaimed after a stall) writes nothing.
      const [owned] = await tx.select({ id: importJobs.id }).from(importJobs).where(mine).for("update");
      if (!owned) throw new LostJob();
      const imported = await writeImport(tx, actor, plan, (n) => writtenSoFar.set(job.id, n));
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
        .set({ status: "succeeded", phase: "done", rowsWritten: total, result, content: null, finishedAt: sql`now()` })
        .where(eq(importJobs.id, job.id));
    });
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
    writtenSoFar.delete(job.id);
  }
}
