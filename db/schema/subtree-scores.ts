import { doublePrecision, integer, pgTable, primaryKey, text } from "drizzle-orm/pg-core";

/**
 * Rollup table: for every unit as a subtree root, per quarter and series, the sum and count of
 * the unit scores (`unit_scores`) in its subtree — once over approved reports, once over
 * submitted-or-approved ones. A dashboard mean is `sum / count`, one indexed row read instead
 * of scoring thousands of reports live. Kept exact by recomputing an ancestor from its own
 * facts plus its children's rollups (never by adding deltas, so no drift).
 */
export const subtreeScores = pgTable(
  "subtree_scores",
  {
    rootUnitId: integer().notNull(),
    quarter: text().notNull(),
    series: text().notNull(),
    regionId: integer().notNull(),
    approvedSum: doublePrecision().notNull().default(0),
    approvedCount: integer().notNull().default(0),
    submittedSum: doublePrecision().notNull().default(0),
    submittedCount: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.rootUnitId, t.quarter, t.series] })],
);

export type SubtreeScore = typeof subtreeScores.$inferSelect;
