import { date, index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { units } from "./units";
import { users } from "./users";

/**
 * A rectification item (整改事项) of the superior's comment (点评) on a unit's year: `year` is
 * the year commented on; next year's duty report must answer it (duty_report_answers). Overdue
 * as a case's item (lib/rectification.ts): not done and `deadline` before today (Beijing).
 */
export const assessmentItems = pgTable(
  "assessment_items",
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    year: integer().notNull(),
    unitId: integer()
      .notNull()
      .references(() => units.id),
    position: integer().notNull(),
    content: text().notNull(),
    deadline: date({ mode: "string" }).notNull(),
    doneAt: timestamp({ withTimezone: true }),
    doneBy: integer().references(() => users.id),
    doneEvidence: text(), // how it was done (整改情况), written with doneAt
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    createdBy: integer().references(() => users.id),
  },
  (t) => [index("assessment_items_unit_year_idx").on(t.unitId, t.year)],
);

export type AssessmentItem = typeof assessmentItems.$inferSelect;
