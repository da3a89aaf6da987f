-- Rollups of the overview's case counts and units expected, and of the meeting-quality charts (issue 16), kept like subtree_scores by
-- the writers (server/services/rollup/case-counts.ts, report-spans.ts, meeting-quality.ts); filled at start-up when empty (tree-counts.ts).
CREATE TABLE "subtree_case_counts" (
	"root_unit_id" integer NOT NULL,
	"first_deadline" date NOT NULL,
	"open" integer DEFAULT 0 NOT NULL,
	"closed" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "subtree_case_counts_root_unit_id_first_deadline_pk" PRIMARY KEY("root_unit_id","first_deadline")
);
--> statement-breakpoint
CREATE TABLE "subtree_unit_kinds" (
	"root_unit_id" integer NOT NULL,
	"unit_type" text NOT NULL,
	"large" boolean NOT NULL,
	"units" integer NOT NULL,
	CONSTRAINT "subtree_unit_kinds_root_unit_id_unit_type_large_pk" PRIMARY KEY("root_unit_id","unit_type","large")
);
--> statement-breakpoint
CREATE TABLE "subtree_meeting_counts" (
	"root_unit_id" integer NOT NULL,
	"quarter" text NOT NULL,
	"type" text NOT NULL,
	"unit_type" text NOT NULL,
	"large" boolean NOT NULL,
	"ytd" boolean NOT NULL,
	"held" integer NOT NULL,
	"units" integer NOT NULL,
	CONSTRAINT "subtree_meeting_counts_pk" PRIMARY KEY("root_unit_id","quarter","type","unit_type","large","ytd","held")
);
--> statement-breakpoint
CREATE TABLE "subtree_meeting_scores" (
	"root_unit_id" integer NOT NULL,
	"quarter" text NOT NULL,
	"bucket" smallint NOT NULL,
	"meetings" integer NOT NULL,
	CONSTRAINT "subtree_meeting_scores_root_unit_id_quarter_bucket_pk" PRIMARY KEY("root_unit_id","quarter","bucket")
);
--> statement-breakpoint
CREATE TABLE "subtree_report_spans" (
	"root_unit_id" integer NOT NULL,
	"reports_from" text NOT NULL,
	"reports_until" text,
	"units" integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX "subtree_report_spans_root_idx" ON "subtree_report_spans" USING btree ("root_unit_id");
