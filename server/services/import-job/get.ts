import "server-only";
import { and, desc, eq, inArray } from "drizzle-orm";
import type { Db } from "~/db/client";
import { importJobs, units, type ImportJob, type ImportJobKind } from "~/db/schema";
import type { LatestImportJobInput } from "./schemas";
import { notFound } from "~/server/errors";
import { localiseServerMessage } from "~/lib/server-message";
import { canAccess, type Actor } from "~/server/scope";
import type { SheetError } from "~/server/services/spreadsheet/sheet-errors";
import { describeSheetError } from "~/server/services/spreadsheet/sheet-errors";
import type { RosterSummary } from "~/server/services/officer-import/plan";
import { liveProgress } from "./progress";
import { m } from "~/lib/server-message";

type Ctx = { db: Db; actor: Actor; locale?: string | null };
export type JobResult = {
  imported?: { reports: number; meetings: number };
  groups?: number;
  /** A roster job: what the file does (新增 / 修改 / 不变), the preview the dialog shows. */
  roster?: RosterSummary;
  errorCount?: number;
  errors?: SheetError[];
};

/** What the page shows of a job: progress, and the result in the reader's language. */
function view(stored: ImportJob, locale: string | null | undefined) {
  // While it runs, this process's own counts are newer than the row (see progress.ts).
  const job = stored.status === "running" ? { ...stored, ...liveProgress.get(stored.id) } : stored;
  const result = (job.result ?? null) as JobResult | null;
  const errors = (result?.errors ?? []).map((e) => {
    const message = localiseServerMessage(e.message, locale);
    return { ...e, message, text: describeSheetError({ ...e, message }) };
  });
  return {
    id: job.id,
    kind: job.kind,
    fileName: job.fileName,
    status: job.status,
    phase: job.phase,
    rowsTotal: job.rowsTotal,
    rowsChecked: job.rowsChecked,
    writeTotal: job.writeTotal,
    rowsWritten: job.rowsWritten,
    imported: result?.imported ?? null,
    roster: result?.roster ?? null,
    errorCount: result?.errorCount ?? 0,
    errors,
    error: job.error ? localiseServerMessage(job.error, locale) : null,
    createdAt: job.createdAt,
    finishedAt: job.finishedAt,
  };
}
export type ImportJobView = ReturnType<typeof view>;

/**
 * `importJob.get`: the caller's own job, or one started by a user of a unit the caller may read
 * (a leader following a branch's import); any other id answers exactly like an unknown one.
 */
export async function getImportJob({ db, actor, locale }: Ctx, input: { id: number }): Promise<ImportJobView> {
  const [row] = await db
    .select({ job: importJobs, unit: { id: units.id, path: units.path } })
    .from(importJobs)
    .innerJoin(units, eq(units.id, importJobs.unitId))
    .where(eq(importJobs.id, input.id))
    .limit(1);
  if (!row || (row.job.userId !== actor.id && !canAccess(actor, row.unit, "read"))) throw notFound(m("importJob.importJobNotFound"));
  return view(row.job, locale);
}

const kindsOf = { report: ["report"], roster: ["rosterPreview", "rosterImport"] } as const satisfies Record<string, ImportJobKind[]>;

/**
 * `importJob.latest`: the caller's most recent job of one page — the quarterly report's (the
 * default) or the officers roster's — to pick up its progress after leaving the page, or null.
 */
export async function latestImportJob({ db, actor, locale }: Ctx, input?: LatestImportJobInput): Promise<ImportJobView | null> {
  const [job] = await db
    .select()
    .from(importJobs)
    .where(and(eq(importJobs.userId, actor.id), inArray(importJobs.kind, [...kindsOf[input?.of ?? "report"]])))
    .orderBy(desc(importJobs.id))
    .limit(1);
  return job ? view(job, locale) : null;
}
