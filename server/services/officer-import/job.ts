import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Db } from "~/db/client";
import { importJobs } from "~/db/schema";
import type { JobSession } from "~/server/services/import-job/session";
import { liveProgress } from "~/server/services/import-job/progress";
import { planRosterImport, rosterSummary } from "./plan";
import { m } from "~/lib/server-message";

/**
 * A roster job (`officer.previewImport` / `officer.import`) on the runner: reads the file (worker
 * thread), checks and applies every row in one transaction with rows checked / written as its
 * progress. A preview always rolls back and ends succeeded with its counts and errors; an
 * import commits only a file without any error — its data, audit row and the job's
 * “succeeded” in that one transaction — and ends failed with every error otherwise.
 */
export async function runRosterJob(db: Db, { job, actor, hooks, progress, finish, own }: JobSession): Promise<void> {
  const commit = job.kind === "rosterImport";
  const counted = () => {
    const live = liveProgress.get(job.id);
    return { rowsTotal: live?.rowsTotal ?? 0, rowsChecked: live?.rowsTotal ?? 0, writeTotal: live?.writeTotal ?? 0 };
  };
  const plan = await planRosterImport({ db, actor }, { fileName: job.fileName, contentBase64: job.content ?? "" }, commit, {
    owner: `job:${job.id}`,
    onParsed: (rows) => progress({ phase: "checking", rowsTotal: rows }),
    onChecked: (rows) => progress({ rowsChecked: rows }),
    onWritten: (rows, total) => progress(rows === 0 ? { phase: "writing", writeTotal: total, rowsWritten: 0 } : { rowsWritten: rows }),
    beforeCommit: async (tx, done) => {
      await own(tx);
      await hooks.beforeCommit?.();
      await tx
        .update(importJobs)
        .set({
          status: "succeeded",
          phase: "done",
          ...counted(),
          rowsWritten: counted().writeTotal,
          result: rosterSummary(done),
          content: null,
          finishedAt: sql`now()`,
        })
        .where(eq(importJobs.id, job.id));
    },
  });
  if (plan.committed) return;
  // A preview, or an import that found errors: nothing was written.
  const failed = commit && plan.errors.count > 0;
  await finish({
    status: failed ? "failed" : "succeeded",
    ...counted(),
    rowsWritten: 0,
    result: rosterSummary(plan),
    error: failed ? m("importJob.errorsNothingImported", { count: plan.errors.count }) : null,
  });
}
