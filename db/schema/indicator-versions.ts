import { boolean, doublePrecision, integer, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { directions } from "~/lib/codes";
import { indicators } from "./indicators";
import { users } from "./users";

/**
 * The scoring rules of an indicator from a quarter on (effective-from history): the rules
 * for quarter Q are the version with the latest `validFrom` ≤ Q.
 */
export const indicatorVersions = pgTable(
  "indicator_versions",
  {
    indicatorCode: text()
      .notNull()
      .references(() => indicators.code),
    validFrom: text().notNull(), // YYYYQn
    direction: text({ enum: directions }).notNull().default("higher"),
    target: doublePrecision().notNull(),
    weight: doublePrecision().notNull().default(1), // weight within its category
    required: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    createdBy: integer().references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.indicatorCode, t.validFrom] })],
);

export type IndicatorVersion = typeof indicatorVersions.$inferSelect;
