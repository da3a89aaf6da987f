import { boolean, doublePrecision, index, integer, pgTable, text, timestamp, unique } from "drizzle-orm/pg-core";
import { units } from "./units";
import { users } from "./users";

import { reportStatuses } from "~/lib/codes";

export { reportStatuses, type ReportStatus } from "~/lib/codes";

/** One quarterly report per unit and quarter (季度报表). */
export const reports = pgTable(
  "reports",
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    unitId: integer()
      .notNull()
      .references(() => units.id),
    quarter: text().notNull(), // YYYYQn, sorts as text
    status: text({ enum: reportStatuses }).notNull().default("draft"),
    version: integer().notNull().default(1),
    businessScore: doublePrecision(), // 业务考核得分 0–100
    note: text().notNull().default(""),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedBy: integer().references(() => users.id),
    submittedAt: timestamp({ withTimezone: true }),
    submittedBy: integer().references(() => users.id),
    /** Submitted after the reporting deadline (逾期报送). */
    late: boolean().notNull().default(false),
    reviewedAt: timestamp({ withTimezone: true }),
    reviewedBy: integer().references(() => users.id),
    /** Why a reviewer returned it (退回原因), shown to staff. */
    returnReason: text(),
  },
  (t) => [unique("reports_unit_quarter_uq").on(t.unitId, t.quarter), index("reports_quarter_status_idx").on(t.quarter, t.status)],
);

export type Report = typeof reports.$inferSelect;
