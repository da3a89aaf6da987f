import { doublePrecision, integer, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { indicators } from "./indicators";
import { reports } from "./reports";

/** Indicator values of one report (指标数值). */
export const reportValues = pgTable(
  "report_values",
  {
    reportId: integer()
      .notNull()
      .references(() => reports.id, { onDelete: "cascade" }),
    indicatorCode: text()
      .notNull()
      .references(() => indicators.code),
    value: doublePrecision().notNull(),
  },
  (t) => [primaryKey({ columns: [t.reportId, t.indicatorCode] })],
);

export type ReportValue = typeof reportValues.$inferSelect;
