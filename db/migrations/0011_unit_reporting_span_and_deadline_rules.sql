ALTER TABLE "units" ADD COLUMN "reports_from" text DEFAULT '0000Q1' NOT NULL;--> statement-breakpoint
ALTER TABLE "units" ADD COLUMN "reports_until" text;--> statement-breakpoint
-- Units already inactive owe reports up to the quarter before their (latest) deactivation.
UPDATE "units" u SET "reports_until" = (
  SELECT CASE WHEN extract(quarter from d.t)::int = 1 THEN (extract(year from d.t)::int - 1)::text || 'Q4'
              ELSE lpad(extract(year from d.t)::int::text, 4, '0') || 'Q' || (extract(quarter from d.t)::int - 1)::text END
  FROM (SELECT (coalesce(max(a."at"), now()) at time zone 'UTC') + interval '8 hours' AS t
        FROM "audit_log" a WHERE a."action" = 'unit.setActive' AND a."entity_id" = u."id"::text) d
) WHERE NOT u."active";--> statement-breakpoint
CREATE TABLE "report_deadline_rules" (
	"valid_from" text PRIMARY KEY NOT NULL,
	"days" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" integer
);
--> statement-breakpoint
ALTER TABLE "report_deadline_rules" ADD CONSTRAINT "report_deadline_rules_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Every quarter so far keeps the deadline it has been shown with.
INSERT INTO "report_deadline_rules" ("valid_from", "days")
SELECT '0000Q1', coalesce((SELECT ("value" #>> '{}')::int FROM "settings" WHERE "key" = 'reportDeadlineDays'), 15);
