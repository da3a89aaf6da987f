import { doublePrecision, integer, numeric, pgTable, primaryKey, text } from "drizzle-orm/pg-core";

/**
 * Rollup table of the quadrant of every unit (issue 16): for each tree root and each region (a
 * unit of depth 0 or 1 — the subtrees large enough to be binned), per quarter and cell of the
 * grid (lower edges, `quadrantBinning.cell` points), the units strictly below it with both scores:
 * how many and the exact sums of their two scores (numeric, so the mean lines do not depend on
 * the order of addition) — once over approved reports, once over submitted-or-approved ones.
 * Each row is recomputed from `unit_quadrant` (server/services/rollup/quadrant.ts), never adjusted.
 */
export const subtreeQuadrantCells = pgTable(
  "subtree_quadrant_cells",
  {
    rootUnitId: integer().notNull(),
    quarter: text().notNull(),
    business: doublePrecision().notNull(),
    party: doublePrecision().notNull(),
    approvedCount: integer().notNull(),
    approvedBusiness: numeric().notNull(),
    approvedParty: numeric().notNull(),
    submittedCount: integer().notNull(),
    submittedBusiness: numeric().notNull(),
    submittedParty: numeric().notNull(),
  },
  (t) => [primaryKey({ name: "subtree_quadrant_cells_pk", columns: [t.rootUnitId, t.quarter, t.business, t.party] })],
);

export type SubtreeQuadrantCell = typeof subtreeQuadrantCells.$inferSelect;
