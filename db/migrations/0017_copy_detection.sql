-- Copy detection that survives disguise (lib/text-similarity): the fingerprint columns now hold
-- the substance (normalised sentences without boilerplate) and copy_bands its MinHash band
-- hashes, probed through a GIN index; the trigram indexes over the old fingerprints go.
-- fastupdate off: a probe must not scan a pending list of recent inserts (PGlite has no
-- autovacuum to flush it; a 4 MB list made each probe several times slower).
DROP INDEX IF EXISTS "meetings_minutes_fp_trgm_idx";--> statement-breakpoint
DROP INDEX IF EXISTS "duty_reports_text_fp_trgm_idx";--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "copy_bands" integer[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "duty_reports" ADD COLUMN "copy_bands" integer[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
CREATE INDEX "meetings_copy_bands_idx" ON "meetings" USING gin ("copy_bands") WITH (fastupdate=false);--> statement-breakpoint
CREATE INDEX "duty_reports_copy_bands_idx" ON "duty_reports" USING gin ("copy_bands") WITH (fastupdate=false);
