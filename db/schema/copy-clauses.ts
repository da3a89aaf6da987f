import { index, integer, pgTable, text } from "drizzle-orm/pg-core";

/**
 * How many units' texts contain each substance clause (from `copy_clause_units`): a clause in
 * enough units' texts is boilerplate of this corpus (copyRules.common in lib/text-similarity).
 */
export const copyClauses = pgTable(
  "copy_clauses",
  {
    clause: text().primaryKey(),
    units: integer().notNull(),
  },
  (t) => [index("copy_clauses_units_idx").on(t.units)],
);
