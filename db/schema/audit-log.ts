import { bigint, index, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Append-only audit trail (审计日志): who did what, when, before/after. A trigger in the
 * migrations refuses UPDATE and DELETE, so not even a bug in the app can rewrite history.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    actorId: integer(), // null for system actions (seed, migrations)
    action: text().notNull(), // e.g. report.save
    entity: text().notNull(), // e.g. report
    entityId: text(),
    unitId: integer(),
    before: jsonb(),
    after: jsonb(),
  },
  (t) => [
    index("audit_log_unit_at_idx").on(t.unitId, t.at),
    index("audit_log_actor_at_idx").on(t.actorId, t.at),
    // The search by words (server/services/audit/search-words.ts), migration 0013.
    index("audit_log_entity_idx").on(t.entity, t.entityId),
    index("audit_log_action_idx").on(t.action.op("text_pattern_ops")),
    index("audit_log_before_gin").using("gin", t.before.op("jsonb_path_ops")),
    index("audit_log_after_gin").using("gin", t.after.op("jsonb_path_ops")),
  ],
);

export type AuditEntry = typeof auditLog.$inferSelect;
