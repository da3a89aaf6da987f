-- How a comment's rectification item (点评整改事项) was done, written by the unit when it marks the item done (assessment.markItemDone).
ALTER TABLE "assessment_items" ADD COLUMN "done_evidence" text;
