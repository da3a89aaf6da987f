import { boolean, index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

import { unitTypes } from "~/lib/codes";

export { unitTypes, type UnitType } from "~/lib/codes";

/**
 * Organisation tree (党委 → 党总支 → 党支部). `path` is the materialised ancestry
 * (`/1/5/23/`), so a subtree is one indexed prefix scan even at 100,000 units (`units_path_idx`
 * also carries `id` — INCLUDE, migration 0024, which drizzle cannot declare — so a subtree's ids
 * are read from the index alone).
 */
export const units = pgTable(
  "units",
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    parentId: integer(),
    name: text().notNull(),
    type: text({ enum: unitTypes }).notNull(),
    path: text().notNull(),
    depth: integer().notNull(),
    memberCount: integer().notNull().default(0),
    secretaryIsHead: boolean().notNull().default(false), // 书记“一肩挑”
    fullTimeStaff: boolean().notNull().default(false), // 专职党务干部
    active: boolean().notNull().default(true),
    /** First quarter the unit owes a report for (the quarter it was created in, unless set). */
    reportsFrom: text().notNull().default("0000Q1"),
    /** Last quarter it owes one for: set when it is deactivated (the quarter before), cleared when reactivated. */
    reportsUntil: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("units_path_idx").using("btree", t.path.op("text_pattern_ops")), index("units_parent_idx").on(t.parentId)],
);

export type Unit = typeof units.$inferSelect;
