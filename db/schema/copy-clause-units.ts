import { integer, pgTable, primaryKey, text } from "drizzle-orm/pg-core";

/**
 * The copy-detection corpus, per unit: how many of the unit's texts (minutes and duty reports)
 * contain each substance clause (a line of their stored fingerprint). Kept by every write of
 * those texts (server/services/copy-check/corpus.ts); `copy_clauses` counts the units.
 */
export const copyClauseUnits = pgTable(
  "copy_clause_units",
  {
    clause: text().notNull(),
    unitId: integer().notNull(),
    documents: integer().notNull(),
  },
  (t) => [primaryKey({ name: "copy_clause_units_pk", columns: [t.clause, t.unitId] })],
);
