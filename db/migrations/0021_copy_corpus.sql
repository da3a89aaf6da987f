-- The copy-detection corpus (lib/text-similarity, server/services/copy-check/corpus.ts): which
-- units' texts (minutes, duty reports) contain each substance clause, so that clauses written by
-- many units count as boilerplate of this corpus and are stripped before scoring and banding.
-- Clauses compare byte-wise (collate "C"): every write touches them in one order, so two writes
-- never wait on each other's rows in opposite orders.
CREATE TABLE "copy_clause_units" (
	"clause" text COLLATE "C" NOT NULL,
	"unit_id" integer NOT NULL,
	"documents" integer NOT NULL,
	CONSTRAINT "copy_clause_units_pk" PRIMARY KEY("clause","unit_id")
);--> statement-breakpoint
CREATE TABLE "copy_clauses" (
	"clause" text COLLATE "C" PRIMARY KEY NOT NULL,
	"units" integer NOT NULL
);--> statement-breakpoint
CREATE INDEX "copy_clauses_units_idx" ON "copy_clauses" USING btree ("units");--> statement-breakpoint
-- copy_bands NULL = not computed yet (the start-up backfill computes them); '{}' = too thin to compare.
ALTER TABLE "meetings" ALTER COLUMN "copy_bands" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "meetings" ALTER COLUMN "copy_bands" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "duty_reports" ALTER COLUMN "copy_bands" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "duty_reports" ALTER COLUMN "copy_bands" DROP NOT NULL;--> statement-breakpoint
UPDATE "meetings" SET "copy_bands" = NULL WHERE cardinality("copy_bands") = 0;--> statement-breakpoint
UPDATE "duty_reports" SET "copy_bands" = NULL WHERE cardinality("copy_bands") = 0;
