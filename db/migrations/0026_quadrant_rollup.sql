-- The quadrant of every unit at a large subtree (issue 16), without reading every unit: each unit's two quadrant
-- scores of a quarter in one row (unit_quadrant: the composite and the business score of its own report, with the
-- gap between them), and per tree root and region the units below it counted per cell of the 2-point grid with
-- their exact sums (subtree_quadrant_cells). Kept by the writers of unit_scores in the same transaction
-- (server/services/rollup/quadrant.ts); filled at start-up when empty. The indexes carry what the read needs
-- (index-only): a score range of one series (the cells the dividing lines cross), the largest gaps first.
CREATE TABLE "unit_quadrant" (
	"unit_id" integer NOT NULL,
	"quarter" text NOT NULL,
	"region_id" integer NOT NULL,
	"status" text NOT NULL,
	"business" double precision NOT NULL,
	"party" double precision NOT NULL,
	"gap" double precision GENERATED ALWAYS AS ("business" - "party") STORED NOT NULL,
	CONSTRAINT "unit_quadrant_unit_id_quarter_pk" PRIMARY KEY("unit_id","quarter")
);
--> statement-breakpoint
CREATE INDEX "unit_quadrant_business_idx" ON "unit_quadrant" USING btree ("quarter","business") INCLUDE ("party","status","region_id","unit_id");--> statement-breakpoint
CREATE INDEX "unit_quadrant_party_idx" ON "unit_quadrant" USING btree ("quarter","party") INCLUDE ("business","status","region_id","unit_id");--> statement-breakpoint
CREATE INDEX "unit_quadrant_gap_idx" ON "unit_quadrant" USING btree ("quarter","gap" DESC,"unit_id") INCLUDE ("business","party","status","region_id");--> statement-breakpoint
CREATE TABLE "subtree_quadrant_cells" (
	"root_unit_id" integer NOT NULL,
	"quarter" text NOT NULL,
	"business" double precision NOT NULL,
	"party" double precision NOT NULL,
	"approved_count" integer NOT NULL,
	"approved_business" numeric NOT NULL,
	"approved_party" numeric NOT NULL,
	"submitted_count" integer NOT NULL,
	"submitted_business" numeric NOT NULL,
	"submitted_party" numeric NOT NULL,
	CONSTRAINT "subtree_quadrant_cells_pk" PRIMARY KEY("root_unit_id","quarter","business","party")
);
--> statement-breakpoint
-- The app's queries are short OLTP reads and writes: JIT compilation (on by default, triggered by a plan's estimated
-- cost) cost ≈ 30 ms per call of the largest dashboard reads and saves nothing. Off for this database, not as a
-- server start-up parameter (a pooler such as PgBouncer in transaction mode rejects startup parameters it does not
-- know); a role without the privilege keeps the default and is told so (docs/scaling.md).
DO $$
BEGIN
	EXECUTE format('ALTER DATABASE %I SET jit = off', current_database());
EXCEPTION WHEN insufficient_privilege THEN
	RAISE NOTICE 'jit stays on: only the database owner or a superuser may set it (ALTER DATABASE … SET jit = off)';
END $$;
