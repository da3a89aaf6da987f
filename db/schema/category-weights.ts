import { doublePrecision, integer, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { categoryCodes } from "~/lib/codes";
import { categories } from "./categories";
import { users } from "./users";

/** A category's weight in the composite score from a quarter on (effective-from history). */
export const categoryWeights = pgTable(
  "category_weights",
  {
    categoryCode: text({ enum: categoryCodes })
      .notNull()
      .references(() => categories.code),
    validFrom: text().notNull(), // YYYYQn
    weight: doublePrecision().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    createdBy: integer().references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.categoryCode, t.validFrom] })],
);
