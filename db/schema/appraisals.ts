import { integer, pgTable, primaryKey, timestamp } from "drizzle-orm/pg-core";
import { units } from "./units";
import { users } from "./users";

/**
 * The democratic appraisal (民主测评) of a unit's secretary for a year: the ballot counts, entered
 * by the level above. good + fairlyGood + average + poor = valid ballots ≤ voters.
 */
export const appraisals = pgTable(
  "appraisals",
  {
    year: integer().notNull(),
    unitId: integer()
      .notNull()
      .references(() => units.id),
    voters: integer().notNull(), // 参评人数
    good: integer().notNull(), // 好
    fairlyGood: integer().notNull(), // 较好
    average: integer().notNull(), // 一般
    poor: integer().notNull(), // 差
    version: integer().notNull().default(1),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedBy: integer().references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.year, t.unitId] })],
);

export type Appraisal = typeof appraisals.$inferSelect;
