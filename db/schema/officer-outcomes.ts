import { date, index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { officerOutcomeKinds } from "~/lib/codes";
import { people } from "./people";
import { users } from "./users";

export { officerOutcomeKinds, type OfficerOutcomeKind } from "~/lib/codes";

/** What the department decided about a person (提拔 / 表彰 / 调整), entered by an admin, with the year it rests on. */
export const officerOutcomes = pgTable(
  "officer_outcomes",
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    personId: integer()
      .notNull()
      .references(() => people.id),
    kind: text({ enum: officerOutcomeKinds }).notNull(),
    decidedOn: date({ mode: "string" }).notNull(),
    year: integer().notNull(), // the assessment year the decision rests on
    note: text().notNull().default(""),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    createdBy: integer().references(() => users.id),
  },
  (t) => [index("officer_outcomes_person_idx").on(t.personId), index("officer_outcomes_year_idx").on(t.year, t.kind)],
);

export type OfficerOutcome = typeof officerOutcomes.$inferSelect;
