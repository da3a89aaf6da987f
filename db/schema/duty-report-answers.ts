import { boolean, integer, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { assessmentItems } from "./assessment-items";
import { dutyReports } from "./duty-reports";

/** The duty report's first section: how one of last year's comment items was answered (已完成/未完成, with evidence). */
export const dutyReportAnswers = pgTable(
  "duty_report_answers",
  {
    dutyReportId: integer()
      .notNull()
      .references(() => dutyReports.id, { onDelete: "cascade" }),
    itemId: integer()
      .notNull()
      .references(() => assessmentItems.id),
    done: boolean().notNull(),
    evidence: text().notNull().default(""),
  },
  (t) => [primaryKey({ columns: [t.dutyReportId, t.itemId] })],
);

export type DutyReportAnswer = typeof dutyReportAnswers.$inferSelect;
