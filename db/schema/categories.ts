import { integer, pgTable, text } from "drizzle-orm/pg-core";
import { categoryCodes } from "~/lib/codes";

export { categoryCodes, type CategoryCode } from "~/lib/codes";

/** The six problem categories; their weights in the composite live in `category_weights`. */
export const categories = pgTable("categories", {
  code: text({ enum: categoryCodes }).primaryKey(),
  nameZh: text().notNull(),
  nameEn: text().notNull(),
  sortOrder: integer().notNull(),
});

export type Category = typeof categories.$inferSelect;
