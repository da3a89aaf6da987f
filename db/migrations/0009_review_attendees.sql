ALTER TABLE "review_meetings" ADD COLUMN "attendees" text DEFAULT '' NOT NULL;
