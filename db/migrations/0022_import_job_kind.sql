-- What an import job imports: the quarterly report file (every job so far) or the officers roster
-- (a preview, or the import itself). The runner dispatches on it; importJob.latest filters by it.
ALTER TABLE "import_jobs" ADD COLUMN "kind" text DEFAULT 'report' NOT NULL;
