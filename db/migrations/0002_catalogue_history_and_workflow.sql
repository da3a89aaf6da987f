CREATE TABLE "indicator_versions" (
	"indicator_code" text NOT NULL,
	"valid_from" text NOT NULL,
	"direction" text DEFAULT 'higher' NOT NULL,
	"target" double precision NOT NULL,
	"weight" double precision DEFAULT 1 NOT NULL,
	"required" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" integer,
	CONSTRAINT "indicator_versions_indicator_code_valid_from_pk" PRIMARY KEY("indicator_code","valid_from")
);
--> statement-breakpoint
CREATE TABLE "category_weights" (
	"category_code" text NOT NULL,
	"valid_from" text NOT NULL,
	"weight" double precision NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" integer,
	CONSTRAINT "category_weights_category_code_valid_from_pk" PRIMARY KEY("category_code","valid_from")
);
--> statement-breakpoint
CREATE TABLE "settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" integer
);
--> statement-breakpoint
DROP INDEX "reports_quarter_idx";--> statement-breakpoint
ALTER TABLE "indicators" ADD COLUMN "retired_from" text;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "submitted_by" integer;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "late" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "reviewed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "reviewed_by" integer;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "return_reason" text;--> statement-breakpoint
ALTER TABLE "indicator_versions" ADD CONSTRAINT "indicator_versions_indicator_code_indicators_code_fk" FOREIGN KEY ("indicator_code") REFERENCES "public"."indicators"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_versions" ADD CONSTRAINT "indicator_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "category_weights" ADD CONSTRAINT "category_weights_category_code_categories_code_fk" FOREIGN KEY ("category_code") REFERENCES "public"."categories"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "category_weights" ADD CONSTRAINT "category_weights_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "settings" ADD CONSTRAINT "settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "reports_quarter_status_idx" ON "reports" USING btree ("quarter","status");--> statement-breakpoint
-- Existing rules become the baseline version, valid from the beginning of time (0000Q1).
INSERT INTO "indicator_versions" ("indicator_code", "valid_from", "direction", "target", "weight", "required")
  SELECT "code", '0000Q1', "direction", "target", "weight", "required" FROM "indicators";--> statement-breakpoint
INSERT INTO "category_weights" ("category_code", "valid_from", "weight")
  SELECT "code", '0000Q1', "weight" FROM "categories";--> statement-breakpoint
UPDATE "indicators" SET "retired_from" = '0000Q1' WHERE NOT "active";--> statement-breakpoint
ALTER TABLE "categories" DROP COLUMN "weight";--> statement-breakpoint
ALTER TABLE "indicators" DROP COLUMN "direction";--> statement-breakpoint
ALTER TABLE "indicators" DROP COLUMN "target";--> statement-breakpoint
ALTER TABLE "indicators" DROP COLUMN "weight";--> statement-breakpoint
ALTER TABLE "indicators" DROP COLUMN "required";--> statement-breakpoint
ALTER TABLE "indicators" DROP COLUMN "active";