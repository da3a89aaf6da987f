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
  (t) => [index("audit_log_unit_at_idx").on(t.unitId, t.at), index("audit_log_actor_at_idx").on(t.actorId, t.at)],
);

export type AuditEntry = typeof auditLog.$inferSelect;
