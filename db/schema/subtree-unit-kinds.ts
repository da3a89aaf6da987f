import { boolean, integer, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { unitTypes } from "~/lib/codes";

/**
 * Rollup table: for every unit as a subtree root, how many active units of each kind the
 * meeting rules tell apart (unit type, and whether it has enough members for a 支部委员会) its
 * subtree holds — what 三会一课 completion multiplies the expected meetings by
 * (server/services/rollup/meeting-quality.ts), whatever the frequency rules in force.
 */
export const subtreeUnitKinds = pgTable(
  "subtree_unit_kinds",
  {
    rootUnitId: integer().notNull(),
    unitType: text({ enum: unitTypes }).notNull(),
    large: boolean().notNull(),
    units: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.rootUnitId, t.unitType, t.large] })],
);

export type SubtreeUnitKind = typeof subtreeUnitKinds.$inferSelect;
