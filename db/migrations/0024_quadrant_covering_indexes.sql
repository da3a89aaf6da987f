-- The quadrant of every unit (issue 16) reads both scores of every unit of a subtree in a quarter:
-- the facts by (quarter, series) in unit order with their status and score in the index (two
-- index-only scans merged on unit_id, no heap visits; the region too, so the whole tree or a
-- region needs no units at all), and a department's unit ids from the path index itself (an
-- index-only range scan). Same names, same leading columns: every other read
-- of these indexes is served as before.
DROP INDEX IF EXISTS "unit_scores_quarter_series_idx";--> statement-breakpoint
CREATE INDEX "unit_scores_quarter_series_idx" ON "unit_scores" USING btree ("quarter","series","unit_id") INCLUDE ("status","score","region_id");--> statement-breakpoint
DROP INDEX IF EXISTS "units_path_idx";--> statement-breakpoint
CREATE INDEX "units_path_idx" ON "units" USING btree ("path" text_pattern_ops) INCLUDE ("id");
