import { integer, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { units } from "./units";
import { users } from "./users";

/** The superior's comment (上级点评) on a unit's year; its problems are `assessment_items`. */
export const assessmentComments = pgTable(
  "assessment_comments",
  {
    year: integer().notNull(),
    unitId: integer()
      .notNull()
      .references(() => units.id),
    text: text().notNull(),
    version: integer().notNull().default(1),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedBy: integer().references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.year, t.unitId] })],
);

export type AssessmentComment = typeof assessmentComments.$inferSelect;
