import { boolean, index, integer, jsonb, pgTable, text, timestamp, unique } from "drizzle-orm/pg-core";
import { reviewDecisions } from "~/lib/codes";
import { cases } from "./cases";
import { reviewMeetings } from "./review-meetings";
import { units } from "./units";
import { users } from "./users";

/**
 * One unit on a review meeting's agenda: why it was proposed (`reasons`: codes of
 * `reviewReasons` with their evidence), its place, and the decision taken on it during the
 * meeting (null until decided). A `case` decision links the case it opened.
 */
export const reviewAgendaItems = pgTable(
  "review_agenda_items",
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    meetingId: integer()
      .notNull()
      .references(() => reviewMeetings.id),
    unitId: integer()
      .notNull()
      .references(() => units.id),
    position: integer().notNull(),
    reasons: jsonb().notNull().default([]),
    addedByChair: boolean().notNull().default(false), // added by hand, not proposed
    decision: text({ enum: reviewDecisions }),
    decisionNote: text().notNull().default(""),
    caseId: integer().references(() => cases.id),
    decidedAt: timestamp({ withTimezone: true }),
    decidedBy: integer().references(() => users.id),
  },
  (t) => [
    unique("review_agenda_items_meeting_unit_uq").on(t.meetingId, t.unitId),
    index("review_agenda_items_meeting_idx").on(t.meetingId, t.position),
  ],
);

export type ReviewAgendaItem = typeof reviewAgendaItems.$inferSelect;
