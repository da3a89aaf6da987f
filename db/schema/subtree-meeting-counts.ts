import { boolean, integer, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { unitTypes } from "~/lib/codes";

/**
 * Rollup table of 三会一课 completion: for every unit as a subtree root, per quarter, meeting
 * type and kind of unit (type, enough members for a 支部委员会), how many active units held
 * exactly `held` valid meetings of that type — in the quarter (`ytd` false) or in the calendar
 * year up to it (`ytd` true, for yearly rules). A histogram rather than a sum, so that the
 * dashboard can cap each unit at what the rules in force expect (`least(held, expected)`)
 * without reading the units; units holding none have no row (`subtree_unit_kinds` counts them).
 */
export const subtreeMeetingCounts = pgTable(
  "subtree_meeting_counts",
  {
    rootUnitId: integer().notNull(),
    quarter: text().notNull(),
    type: text().notNull(),
    unitType: text({ enum: unitTypes }).notNull(),
    large: boolean().notNull(),
    ytd: boolean().notNull(),
    held: integer().notNull(),
    units: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.rootUnitId, t.quarter, t.type, t.unitType, t.large, t.ytd, t.held] })],
);

export type SubtreeMeetingCount = typeof subtreeMeetingCounts.$inferSelect;
