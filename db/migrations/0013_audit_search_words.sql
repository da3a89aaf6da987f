-- The audit log is searched by the words a person reads (docs/decisions.md "The audit log reads
-- in words"): each word becomes indexed conditions on entity, action and the before/after values.
CREATE INDEX IF NOT EXISTS "audit_log_entity_idx" ON "audit_log" USING btree ("entity", "entity_id");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "audit_log_action_idx" ON "audit_log" USING btree ("action" text_pattern_ops);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "audit_log_before_gin" ON "audit_log" USING gin ("before" jsonb_path_ops);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "audit_log_after_gin" ON "audit_log" USING gin ("after" jsonb_path_ops);
