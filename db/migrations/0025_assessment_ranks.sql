-- The quota ranking of a year's stored annual scores, kept between reads (server/services/assessment/grade-store.ts):
-- each graded unit's rank and grade after the quotas, written only by readers that re-rank, never by the writers of
-- grade inputs (so their row locks never meet).
CREATE TABLE "assessment_score_ranks" (
	"year" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"rank" integer NOT NULL,
	"grade" text NOT NULL,
	CONSTRAINT "assessment_score_ranks_year_unit_id_pk" PRIMARY KEY("year","unit_id")
);
--> statement-breakpoint
ALTER TABLE "assessment_score_ranks" ADD CONSTRAINT "assessment_score_ranks_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
-- One row a year: which scores the stored ranking ranked. `scores_version` is bumped by every write of stored scores
-- (in the same statement); the ranking is current while `ranked_version` equals it, `rules_key` is the cycle's and
-- `ranked` is the number of graded units; `counts` how many it put in each grade.
CREATE TABLE "assessment_rankings" (
	"year" integer PRIMARY KEY NOT NULL,
	"scores_version" integer DEFAULT 0 NOT NULL,
	"ranked_version" integer,
	"rules_key" text,
	"ranked" integer,
	"counts" jsonb,
	"ranked_at" timestamp with time zone
);
--> statement-breakpoint
-- The steady read asks "is any stored score of the year stale?": a partial index holding only the stale rows.
CREATE INDEX "assessment_scores_stale_idx" ON "assessment_scores" USING btree ("year") WHERE "computed_gen" IS NULL OR "computed_gen" <> "gen";
