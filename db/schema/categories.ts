import { doublePrecision, integer, pgTable, text } from "drizzle-orm/pg-core";
import { categoryCodes } from "../codes";

export { categoryCodes, type CategoryCode } from "../codes";


export const categories = pgTable("categories", {
  code: text({ enum: categoryCodes }).primaryKey(),
  nameZh: text().notNull(),
  nameEn: text().notNull(),
  weight: doublePrecision().notNull().default(1), // weight in the composite score
  sortOrder: integer().notNull(),
});

export type Category = typeof categories.$inferSelect;
