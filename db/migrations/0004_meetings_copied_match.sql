ALTER TABLE "meetings" ADD COLUMN "copied_from_id" integer;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "copied_similarity" double precision;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_copied_from_id_meetings_id_fk" FOREIGN KEY ("copied_from_id") REFERENCES "public"."meetings"("id") ON DELETE set null ON UPDATE no action;