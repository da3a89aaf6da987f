import { index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { caseStatuses } from "~/lib/codes";
import { cases } from "./cases";
import { users } from "./users";

/** A case's timeline (案件进程): every status change with who, when and why. `fromStatus` is null for 立案. */
export const caseEvents = pgTable(
  "case_events",
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    caseId: integer()
      .notNull()
      .references(() => cases.id),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    actorId: integer().references(() => users.id),
    fromStatus: text({ enum: caseStatuses }),
    toStatus: text({ enum: caseStatuses }).notNull(),
    comment: text().notNull().default(""),
  },
  (t) => [index("case_events_case_idx").on(t.caseId, t.at)],
);

export type CaseEvent = typeof caseEvents.$inferSelect;
