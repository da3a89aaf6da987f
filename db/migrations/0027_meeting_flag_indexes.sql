-- The formalism flags of a subtree and quarter range (issue 16): one partial index per kind of
-- flag a meeting can raise — the meetings that raise it, by unit and quarter — so a subtree's
-- flags, their counts and a page of them cost what its flags cost, not what all its meetings cost
-- (unit first: a department reads its own units' entries, not the whole tree's of the range).
-- The predicates are the rules of server/services/meeting/flags.ts (`flagRules`) written out,
-- as the queries write them: a changed rule stays right, it only stops using its index. The late
-- meetings carry their date, so a quarter-end bunch is counted from the index alone.
CREATE INDEX IF NOT EXISTS "meetings_flag_zero_criticism_idx" ON "meetings" USING btree ("unit_id","quarter") WHERE "type" IN ('org_life', 'democratic_life') AND "critical_opinions" = 0;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "meetings_flag_low_attendance_idx" ON "meetings" USING btree ("unit_id","quarter") WHERE "present" * 3 < "expected" * 2;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "meetings_flag_copied_idx" ON "meetings" USING btree ("unit_id","quarter") WHERE "copied_from_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "meetings_flag_late_idx" ON "meetings" USING btree ("unit_id","quarter") INCLUDE ("date") WHERE "date" >= (date_trunc('quarter', "date"::timestamp) + interval '3 months')::date - 10;
