import { index, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { caseForms, caseSourceTypes, caseStatuses, caseSubjects, categoryCodes, rootCauses } from "~/lib/codes";
import { officers } from "./officers";
import { units } from "./units";
import { users } from "./users";

export { caseForms, caseStatuses, caseSubjects, rootCauses, caseSourceTypes, type CaseStatus } from "~/lib/codes";

/**
 * An accountability case (问责案件), DESIGN.md "Accountability cases". `quarter` is the quarter it
 * was opened in (Beijing time), for filtering. `sourceDetail` carries what `sourceId` alone
 * cannot name, e.g. the flag kind of a formalism flag (sourceId = the meeting).
 */
export const cases = pgTable(
  "cases",
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    unitId: integer()
      .notNull()
      .references(() => units.id),
    subject: text({ enum: caseSubjects }).notNull(),
    category: text({ enum: categoryCodes }).notNull(),
    rootCause: text({ enum: rootCauses }).notNull(),
    form: text({ enum: caseForms }).notNull(),
    facts: text().notNull(),
    officerId: integer().references(() => officers.id), // the secretary in post when the case was opened, when subject = secretary
    status: text({ enum: caseStatuses }).notNull().default("opened"),
    sourceType: text({ enum: caseSourceTypes }),
    sourceId: integer(),
    sourceDetail: jsonb(),
    quarter: text().notNull(),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    createdBy: integer().references(() => users.id),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("cases_unit_quarter_idx").on(t.unitId, t.quarter), index("cases_status_idx").on(t.status)],
);

export type Case = typeof cases.$inferSelect;
