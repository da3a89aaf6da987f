import { integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import type { Grade } from "~/lib/codes";

/**
 * One row a year: what the stored quota ranking (`assessment_score_ranks`) ranked. Every write of
 * stored scores bumps `scoresVersion` in the same statement; a re-rank records the version it
 * read as `rankedVersion`, with the rules digest and the number of graded units it ranked. The
 * steady read of the live grades uses the stored ranking only while all three still hold
 * (server/services/assessment/grade-store.ts).
 */
export const assessmentRankings = pgTable("assessment_rankings", {
  year: integer().primaryKey(),
  scoresVersion: integer().notNull().default(0),
  rankedVersion: integer(),
  /** rulesKey(cycle, now) when ranked: the quotas and the rules the scores were computed under. */
  rulesKey: text(),
  /** The number of graded units ranked (the quotas' n). */
  ranked: integer(),
  /** How many units the ranking put in each grade (before the final grades set by the level above). */
  counts: jsonb().$type<Partial<Record<Grade, number>>>(),
  rankedAt: timestamp({ withTimezone: true }),
});

export type AssessmentRanking = typeof assessmentRankings.$inferSelect;
