import { index, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { units } from "./units";
import { users } from "./users";

export const importJobStatuses = ["queued", "running", "succeeded", "failed"] as const;
export type ImportJobStatus = (typeof importJobStatuses)[number];
/** What the job imports: the quarterly report file, or the officers roster (its preview, or the import itself). */
export const importJobKinds = ["report", "rosterPreview", "rosterImport"] as const;
export type ImportJobKind = (typeof importJobKinds)[number];
export const importJobPhases = ["queued", "parsing", "checking", "writing", "done"] as const;
export type ImportJobPhase = (typeof importJobPhases)[number];

/**
 * A spreadsheet import run in the background (导入任务): the uploaded file, its progress (rows
 * checked / written) and its result (counts, or every error by sheet/row/column). Claimed by a
 * runner with `FOR UPDATE SKIP LOCKED`; the data and the job's `succeeded` commit in one
 * transaction, so a failure or a restart leaves nothing partial (server/services/import-job/).
 */
export const importJobs = pgTable(
  "import_jobs",
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    userId: integer()
      .notNull()
      .references(() => users.id),
    /** The uploader's unit when the job started (the audit row's unit). */
    unitId: integer()
      .notNull()
      .references(() => units.id),
    kind: text({ enum: importJobKinds }).notNull().default("report"),
    fileName: text().notNull(),
    /** The file, base64; cleared once the job has finished. */
    content: text(),
    status: text({ enum: importJobStatuses }).notNull().default("queued"),
    phase: text({ enum: importJobPhases }).notNull().default("queued"),
    rowsTotal: integer().notNull().default(0),
    rowsChecked: integer().notNull().default(0),
    /** Reports and meetings the file changes, and how many of them are written (the write phase's bar). */
    writeTotal: integer().notNull().default(0),
    rowsWritten: integer().notNull().default(0),
    /** Succeeded: the preview summary and `imported` counts; failed on the file's errors: `errors`, `errorCount`. */
    result: jsonb(),
    /** Why it failed, zh-CN first (as every message). */
    error: text(),
    attempts: integer().notNull().default(0),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp({ withTimezone: true }),
    heartbeatAt: timestamp({ withTimezone: true }),
    finishedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index("import_jobs_user_idx").on(t.userId, t.id), index("import_jobs_status_idx").on(t.status, t.id)],
);

export type ImportJob = typeof importJobs.$inferSelect;
