-- The stored per-unit annual score of an open or rating year (scoreUnit's output before the quotas), kept fresh by a
-- generation counter that every writer of a grade input bumps (server/services/assessment/grade-store.ts).
CREATE TABLE "assessment_scores" (
	"year" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"score" double precision,
	"base_grade" text,
	"quarters_due" integer,
	"rules_key" text,
	"gen" integer DEFAULT 0 NOT NULL,
	"computed_gen" integer,
	"computed_at" timestamp with time zone,
	CONSTRAINT "assessment_scores_year_unit_id_pk" PRIMARY KEY("year","unit_id")
);
--> statement-breakpoint
ALTER TABLE "assessment_scores" ADD CONSTRAINT "assessment_scores_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
-- The breakdown of each stored score, apart so that the ranking over all of a year's scores reads a narrow table.
CREATE TABLE "assessment_score_breakdowns" (
	"year" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"breakdown" jsonb NOT NULL,
	CONSTRAINT "assessment_score_breakdowns_year_unit_id_pk" PRIMARY KEY("year","unit_id")
);
--> statement-breakpoint
ALTER TABLE "assessment_score_breakdowns" ADD CONSTRAINT "assessment_score_breakdowns_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE cascade ON UPDATE no action;
