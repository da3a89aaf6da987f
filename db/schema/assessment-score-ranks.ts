import { integer, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { grades } from "~/lib/codes";
import { units } from "./units";

/**
 * Where the quotas put each graded unit's stored annual score (`assessment_scores`): its rank in
 * the year's cohort and its grade after the quotas (`quotaRankSql`). Written only by the reader
 * that re-ranks a year (server/services/assessment/grade-store.ts), never by the writers of grade
 * inputs, so the two never wait on each other's row locks. Current while the year's
 * `assessment_rankings` row says so.
 */
export const assessmentScoreRanks = pgTable(
  "assessment_score_ranks",
  {
    year: integer().notNull(),
    unitId: integer()
      .notNull()
      .references(() => units.id, { onDelete: "cascade" }),
    rank: integer().notNull(),
    grade: text({ enum: grades }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.year, t.unitId] })],
);

export type AssessmentScoreRank = typeof assessmentScoreRanks.$inferSelect;
