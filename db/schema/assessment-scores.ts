import { sql } from "drizzle-orm";
import { doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { grades } from "~/lib/codes";
import type { GradeBreakdown } from "~/lib/assessment/grade";
import { units } from "./units";

/**
 * A unit's stored annual score (the output of `scoreUnit`, lib/assessment/grade.ts, BEFORE the
 * quota step; its breakdown in `assessment_score_breakdowns`) for a year whose cycle is open or rating, so that a read of the grades ranks stored
 * scores instead of scoring every graded unit (server/services/assessment/grade-store.ts).
 *
 * Freshness: every writer of a grade input bumps `gen` of the units it touches in its own
 * transaction (`staleAnnualScores`); a reader recomputes a row whose `computedGen` differs from
 * `gen`, whose `rulesKey` is not the digest of the cycle's rules or whose `quartersDue` is not the
 * quarters ended today, and writes it back only while `gen` is still the one it read. A row with
 * `computedGen` null is a marker: touched, never computed.
 */
export const assessmentScores = pgTable(
  "assessment_scores",
  {
    year: integer().notNull(),
    unitId: integer()
      .notNull()
      .references(() => units.id, { onDelete: "cascade" }),
    score: doublePrecision(),
    /** scoreUnit's grade: the band capped by the vetoes, before the quotas. */
    baseGrade: text({ enum: grades }),
    quartersDue: integer(),
    /** A digest of the cycle rules the score was computed under (grade-store.ts rulesKey). */
    rulesKey: text(),
    /** Bumped by every write of one of the unit's grade inputs of the year. */
    gen: integer().notNull().default(0),
    /** The `gen` the row was computed at (null: never computed). */
    computedGen: integer(),
    computedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.year, t.unitId] }),
    /** Only the stale rows: the steady read asks whether a year has any. */
    index("assessment_scores_stale_idx")
      .on(t.year)
      .where(sql`${t.computedGen} is null or ${t.computedGen} <> ${t.gen}`),
  ],
);

export type AssessmentScore = typeof assessmentScores.$inferSelect;

/**
 * The breakdown of a stored annual score (scoreUnit's, its `quota` null: the quota position is
 * worked out on read), written with the score. A table of its own so that `assessment_scores`
 * stays narrow: the read ranks all 10,000 rows of a year on every call and reads breakdowns only
 * for the subtree shown (with the breakdown inline the ranking scanned ~100 MB after a few
 * recomputations instead of about 1 MB).
 */
export const assessmentScoreBreakdowns = pgTable(
  "assessment_score_breakdowns",
  {
    year: integer().notNull(),
    unitId: integer()
      .notNull()
      .references(() => units.id, { onDelete: "cascade" }),
    breakdown: jsonb().$type<GradeBreakdown>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.year, t.unitId] })],
);
