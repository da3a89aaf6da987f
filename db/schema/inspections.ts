import { boolean, date, index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { inspectionResults, inspectionSubjects } from "~/lib/codes";
import { officers } from "./officers";
import { units } from "./units";
import { users } from "./users";

export { inspectionResults, inspectionSubjects, type InspectionResult, type InspectionSubject } from "~/lib/codes";

/**
 * A 一岗双责 inspection (一岗双责检查): a reviewer checks whether a unit's secretary or a
 * leadership member carries the Party-building half of their “one post, two duties”, records
 * the result and whether it was reported upward. `quarter` is derived from `inspectedOn` (as
 * for meetings) and stored for filtering; `inspectorId` is who inspected (the recording user).
 * An inspection can be the source of an accountability case (`cases.source_type = 'inspection'`);
 * until one is opened from it, a mistaken inspection can be withdrawn (`withdrawnAt`).
 */
export const inspections = pgTable(
  "inspections",
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    unitId: integer()
      .notNull()
      .references(() => units.id),
    inspectedOn: date({ mode: "string" }).notNull(), // YYYY-MM-DD
    quarter: text().notNull(),
    subject: text({ enum: inspectionSubjects }).notNull(),
    personName: text(),
    officerId: integer().references(() => officers.id), // the secretary in post on `inspectedOn`, when subject = secretary
    inspectorId: integer()
      .notNull()
      .references(() => users.id),
    result: text({ enum: inspectionResults }).notNull(),
    findings: text().notNull().default(""),
    reportedUpward: boolean().notNull().default(false), // 已向上级报告
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    createdBy: integer().references(() => users.id),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedBy: integer().references(() => users.id),
    // 撤回/作废: a mistaken record withdrawn before any case was opened from it; kept for the audit trail, gone from lists.
    withdrawnAt: timestamp({ withTimezone: true }),
    withdrawnBy: integer().references(() => users.id),
    withdrawReason: text(),
  },
  (t) => [index("inspections_unit_date_idx").on(t.unitId, t.inspectedOn), index("inspections_quarter_idx").on(t.quarter, t.unitId)],
);

export type Inspection = typeof inspections.$inferSelect;
