import { sql } from "drizzle-orm";
import { doublePrecision, index, integer, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { reportStatuses } from "~/lib/codes";

/**
 * The quadrant's fact table (issue 16): one unit's two scores of one quarter from its own report —
 * the business score (业务考核得分) and the Party-building composite — for every report that is
 * submitted or approved and has both, with the gap between them. A pair of `unit_scores` rows
 * in one, so a score range or the largest gaps of a quarter are one index range. Written only by
 * server/services/rollup/quadrant.ts, in the transaction that writes the facts. The three indexes
 * also carry the other columns (INCLUDE, migration 0026 — drizzle cannot declare it).
 */
export const unitQuadrant = pgTable(
  "unit_quadrant",
  {
    unitId: integer().notNull(),
    quarter: text().notNull(),
    regionId: integer().notNull(),
    status: text({ enum: reportStatuses }).notNull(),
    business: doublePrecision().notNull(),
    party: doublePrecision().notNull(),
    gap: doublePrecision()
      .notNull()
      .generatedAlwaysAs(sql`business - party`),
  },
  (t) => [
    primaryKey({ columns: [t.unitId, t.quarter] }),
    index("unit_quadrant_business_idx").on(t.quarter, t.business),
    index("unit_quadrant_party_idx").on(t.quarter, t.party),
    index("unit_quadrant_gap_idx").on(t.quarter, t.gap.desc(), t.unitId),
  ],
);

export type UnitQuadrant = typeof unitQuadrant.$inferSelect;
