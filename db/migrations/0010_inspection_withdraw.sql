ALTER TABLE "inspections" ADD COLUMN "withdrawn_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "inspections" ADD COLUMN "withdrawn_by" integer;--> statement-breakpoint
ALTER TABLE "inspections" ADD COLUMN "withdraw_reason" text;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_withdrawn_by_users_id_fk" FOREIGN KEY ("withdrawn_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
