import { index, integer, pgTable, text } from "drizzle-orm/pg-core";

/**
 * Rollup table: for every unit as a subtree root, how many units of its subtree owe reports
 * over each span of quarters (`reports_from` … `reports_until`, open-ended when null) — what the
 * overview's "units expected" per quarter counts with the completeness rule (`owesReportSql`),
 * read from a handful of rows instead of the whole subtree. One row per distinct span.
 */
export const subtreeReportSpans = pgTable(
  "subtree_report_spans",
  {
    rootUnitId: integer().notNull(),
    reportsFrom: text().notNull(),
    reportsUntil: text(),
    units: integer().notNull(),
  },
  (t) => [index("subtree_report_spans_root_idx").on(t.rootUnitId)],
);

export type SubtreeReportSpan = typeof subtreeReportSpans.$inferSelect;
