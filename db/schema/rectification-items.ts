import { date, index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { cases } from "./cases";
import { users } from "./users";

/** A rectification item (整改事项) of a case; overdue = not done and `deadline` before today (Beijing). */
export const rectificationItems = pgTable(
  "rectification_items",
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    caseId: integer()
      .notNull()
      .references(() => cases.id),
    description: text().notNull(),
    owner: text().notNull(), // 责任人, free text: often not a user of this app
    deadline: date({ mode: "string" }).notNull(),
    doneAt: timestamp({ withTimezone: true }),
    doneBy: integer().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("rectification_items_case_idx").on(t.caseId)],
);

export type RectificationItem = typeof rectificationItems.$inferSelect;
