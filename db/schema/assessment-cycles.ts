import { doublePrecision, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { assessmentCycleStatuses } from "~/lib/codes";
import type { CycleRules } from "~/lib/assessment/rules";
import { users } from "./users";

export { assessmentCycleStatuses, type AssessmentCycleStatus } from "~/lib/codes";

/**
 * The annual assessment of one year (年度考核): its status (open → rating → publicised → final)
 * and its rules (`rules`: quotas, input weights, vetoes, deadlines, 公示 dates — lib/assessment/
 * rules.ts), set by an admin while the year is open or rating. `partyWeight` is the weight of
 * Party building in the combined assessment the department adopted for the year (the
 * simulator's saved value). A final year is read-only: its rules and grades never change.
 */
export const assessmentCycles = pgTable("assessment_cycles", {
  year: integer().primaryKey(),
  status: text({ enum: assessmentCycleStatuses }).notNull().default("open"),
  rules: jsonb().$type<CycleRules>().notNull(),
  partyWeight: doublePrecision().notNull().default(0.3),
  version: integer().notNull().default(1),
  openedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  openedBy: integer().references(() => users.id),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedBy: integer().references(() => users.id),
  finalisedAt: timestamp({ withTimezone: true }),
});

export type AssessmentCycle = typeof assessmentCycles.$inferSelect;
