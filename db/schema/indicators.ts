import { boolean, doublePrecision, index, integer, pgTable, text } from "drizzle-orm/pg-core";
import { categoryCodes, directions, indicatorKinds, indicatorSources } from "../codes";
import { categories } from "./categories";

export { directions, indicatorKinds, indicatorSources, type Direction, type IndicatorKind } from "../codes";


export const indicators = pgTable(
  "indicators",
  {
    code: text().primaryKey(),
    categoryCode: text({ enum: categoryCodes })
      .notNull()
      .references(() => categories.code),
    nameZh: text().notNull(),
    nameEn: text().notNull(),
    unitZh: text().notNull().default(""), // 计量单位, e.g. 次 / % / 分
    unitEn: text().notNull().default(""),
    helpZh: text().notNull().default(""),
    helpEn: text().notNull().default(""),
    kind: text({ enum: indicatorKinds }).notNull(),
    direction: text({ enum: directions }).notNull().default("higher"),
    target: doublePrecision().notNull(),
    weight: doublePrecision().notNull().default(1), // weight within its category
    required: boolean().notNull().default(false),
    source: text({ enum: indicatorSources }).notNull().default("manual"),
    sortOrder: integer().notNull().default(0),
    active: boolean().notNull().default(true),
  },
  (t) => [index("indicators_category_idx").on(t.categoryCode)],
);

export type Indicator = typeof indicators.$inferSelect;
