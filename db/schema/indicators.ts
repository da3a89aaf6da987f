import { index, integer, pgTable, text } from "drizzle-orm/pg-core";
import { categoryCodes, indicatorKinds, indicatorSources } from "~/lib/codes";
import { categories } from "./categories";

export { directions, indicatorKinds, indicatorSources, type Direction, type IndicatorKind } from "~/lib/codes";

/**
 * An indicator's identity and texts (指标). Its scoring rules (target, direction, weights,
 * required) change over time and live in `indicator_versions`, so past quarters keep the
 * rules they were reported under.
 */
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
    source: text({ enum: indicatorSources }).notNull().default("manual"),
    sortOrder: integer().notNull().default(0),
    /** First quarter in which the indicator is no longer collected (停用); null = in use. */
    retiredFrom: text(),
  },
  (t) => [index("indicators_category_idx").on(t.categoryCode)],
);

export type Indicator = typeof indicators.$inferSelect;
