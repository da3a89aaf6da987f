import { doublePrecision, index, integer, pgTable, text, timestamp, unique, type AnyPgColumn } from "drizzle-orm/pg-core";
import { dutyReportStatuses } from "~/lib/codes";
import { officers } from "./officers";
import { units } from "./units";
import { users } from "./users";

export { dutyReportStatuses, type DutyReportStatus } from "~/lib/codes";

/**
 * A secretary's duty report (书记抓党建述职报告) for one year, written by the unit's staff:
 * `text` is the body; the first section — the answers to last year's comment items — is in
 * `duty_report_answers`. `officerId` is the secretary in post when it was submitted.
 * `copiedFromId` / `copiedSimilarity`: the best copied-text match (the unit's earlier reports or
 * any other unit's), computed on every write like the minutes' match; null when none.
 */
export const dutyReports = pgTable(
  "duty_reports",
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    year: integer().notNull(),
    unitId: integer()
      .notNull()
      .references(() => units.id),
    officerId: integer().references(() => officers.id),
    text: text().notNull().default(""),
    textFingerprint: text().notNull().default(""),
    copyBands: integer().array(), // null until computed (the backfill), [] for a text too thin to compare
    status: text({ enum: dutyReportStatuses }).notNull().default("draft"),
    returnReason: text(),
    copiedFromId: integer().references((): AnyPgColumn => dutyReports.id, { onDelete: "set null" }),
    copiedSimilarity: doublePrecision(),
    version: integer().notNull().default(1),
    submittedAt: timestamp({ withTimezone: true }),
    submittedBy: integer().references(() => users.id),
    decidedAt: timestamp({ withTimezone: true }),
    decidedBy: integer().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    createdBy: integer().references(() => users.id),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedBy: integer().references(() => users.id),
  },
  (t) => [
    unique("duty_reports_year_unit_uq").on(t.year, t.unitId),
    index("duty_reports_unit_idx").on(t.unitId, t.year),
    index("duty_reports_copy_bands_idx").using("gin", t.copyBands).with({ fastupdate: false }),
  ],
);

export type DutyReport = typeof dutyReports.$inferSelect;
