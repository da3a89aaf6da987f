import { integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "./users";

/**
 * The reporting deadline (days after quarter end) in force from a quarter on. A quarter uses the
 * row with the latest `validFrom` ≤ it; a change only ever adds a row for a quarter whose
 * reporting has not opened yet, so a quarter's deadline never moves once it has begun.
 */
export const reportDeadlineRules = pgTable("report_deadline_rules", {
  validFrom: text().primaryKey(), // YYYYQn
  days: integer().notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  createdBy: integer().references(() => users.id),
});
