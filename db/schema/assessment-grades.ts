import { doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { grades } from "~/lib/codes";
import type { GradeBreakdown } from "~/lib/assessment/grade";
import { officers } from "./officers";
import { units } from "./units";
import { users } from "./users";

export { grades, type Grade } from "~/lib/codes";

/**
 * A unit's grade (分类定级) for a year. While the cycle is rating, a row exists only where the
 * level above proposed or set something (`proposed`: the 述职评议会's proposal; `final` with
 * `reason` when it differs from the computed grade); the computed grade is worked out on read.
 * When the cycle is publicised, every graded unit's row is written (frozen): `computed`,
 * `score`, `breakdown` and `final` then never change (a final year is read-only).
 * `officerId` is the secretary graded (in post at the year's end, or the last one in the year).
 */
export const assessmentGrades = pgTable(
  "assessment_grades",
  {
    year: integer().notNull(),
    unitId: integer()
      .notNull()
      .references(() => units.id),
    officerId: integer().references(() => officers.id),
    computed: text({ enum: grades }),
    score: doublePrecision(),
    breakdown: jsonb().$type<GradeBreakdown>(),
    proposed: text({ enum: grades }),
    final: text({ enum: grades }),
    reason: text(),
    version: integer().notNull().default(1),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedBy: integer().references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.year, t.unitId] }), index("assessment_grades_officer_idx").on(t.officerId)],
);

export type AssessmentGrade = typeof assessmentGrades.$inferSelect;
