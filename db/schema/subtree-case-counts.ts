import { date, integer, pgTable, primaryKey } from "drizzle-orm/pg-core";

/**
 * Rollup table of the accountability cases (问责案件) the overview counts: for every unit as a
 * subtree root, its cases grouped by the earliest deadline of a rectification item not yet done
 * (`infinity` when a case has none, and for every closed case), with how many of them are open
 * and how many closed. A case is overdue once that deadline is before today, so the count of
 * overdue cases is read on any day without rewriting a row. Kept exact like `subtree_scores`:
 * a row is recomputed from the unit's own cases plus its children's rows (server/services/rollup/case-counts.ts).
 */
export const subtreeCaseCounts = pgTable(
  "subtree_case_counts",
  {
    rootUnitId: integer().notNull(),
    firstDeadline: date({ mode: "string" }).notNull(),
    open: integer().notNull().default(0),
    closed: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.rootUnitId, t.firstDeadline] })],
);

export type SubtreeCaseCount = typeof subtreeCaseCounts.$inferSelect;
