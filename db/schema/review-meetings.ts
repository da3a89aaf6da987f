import { index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { reviewMeetingKinds, reviewMeetingStatuses } from "~/lib/codes";
import { units } from "./units";
import { users } from "./users";

/**
 * An accountability review meeting (问责审议会) over a subtree and quarter: the agenda is
 * proposed from the data, edited by the chair, presented unit by unit, and each unit gets a
 * decision (`review_agenda_items`). `version` guards concurrent edits of the agenda.
 */
export const reviewMeetings = pgTable(
  "review_meetings",
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    unitId: integer()
      .notNull()
      .references(() => units.id),
    quarter: text().notNull(),
    kind: text({ enum: reviewMeetingKinds }).notNull().default("accountability"), // 问责审议会 or 述职评议会
    year: integer(), // the assessment year of a 述职评议会
    title: text().notNull(),
    status: text({ enum: reviewMeetingStatuses }).notNull().default("planned"),
    heldOn: text(), // YYYY-MM-DD, set when the meeting starts
    chairId: integer().references(() => users.id),
    attendees: text().notNull().default(""), // 出席人员, as the chair enters them (names, posts), one line each
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    createdBy: integer().references(() => users.id),
    closedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index("review_meetings_unit_quarter_idx").on(t.unitId, t.quarter)],
);

export type ReviewMeeting = typeof reviewMeetings.$inferSelect;
