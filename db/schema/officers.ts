import { boolean, date, index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { officerPosts } from "~/lib/codes";
import { people } from "./people";
import { units } from "./units";
import { users } from "./users";

export { officerPosts, type OfficerPost } from "~/lib/codes";

/**
 * One tenure (任职) of a person on a unit's Party committee: post, 专职/兼职 (`fullTime`), 一肩挑
 * (`concurrentHead`: also the unit's administrative head), from, to (null: in post today). The
 * API's officer id is the tenure's id; `personId` ties the tenures of one person together, so a
 * secretary who moves to another unit keeps one record. A unit has at most one secretary on
 * any day (checked by the service). Inspections and cases about “the secretary” link the
 * tenure in post on their date (`inspections.officer_id`, `cases.officer_id`).
 */
export const officers = pgTable(
  "officers",
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    personId: integer()
      .notNull()
      .references(() => people.id),
    unitId: integer()
      .notNull()
      .references(() => units.id),
    post: text({ enum: officerPosts }).notNull(),
    fullTime: boolean().notNull().default(false), // 专职
    concurrentHead: boolean().notNull().default(false), // 一肩挑
    fromDate: date({ mode: "string" }).notNull(),
    toDate: date({ mode: "string" }),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    createdBy: integer().references(() => users.id),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedBy: integer().references(() => users.id),
  },
  (t) => [index("officers_unit_post_idx").on(t.unitId, t.post, t.fromDate), index("officers_person_idx").on(t.personId)],
);

export type Officer = typeof officers.$inferSelect;
