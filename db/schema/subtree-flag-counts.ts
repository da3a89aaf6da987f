import { integer, pgTable, primaryKey, text } from "drizzle-orm/pg-core";

/**
 * Rollup table of the formalism flags (形式主义预警): for every unit as a subtree root, per
 * quarter and kind of flag, how many flags its subtree raises — what `meetingFlagCounts`
 * (server/services/meeting/flags.ts) counts live, kept by server/services/rollup/flag-counts.ts.
 * Rows with no flag are absent.
 */
export const subtreeFlagCounts = pgTable(
  "subtree_flag_counts",
  {
    rootUnitId: integer().notNull(),
    quarter: text().notNull(),
    kind: text().notNull(),
    flags: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.rootUnitId, t.quarter, t.kind] })],
);

export type SubtreeFlagCount = typeof subtreeFlagCounts.$inferSelect;
