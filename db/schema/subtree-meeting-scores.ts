import { integer, pgTable, primaryKey, smallint, text } from "drizzle-orm/pg-core";

/**
 * Rollup table of the meeting quality histogram: for every unit as a subtree root, per quarter
 * and score bucket (0–9: 0–10 … 90–100), how many meetings of its subtree scored in it.
 */
export const subtreeMeetingScores = pgTable(
  "subtree_meeting_scores",
  {
    rootUnitId: integer().notNull(),
    quarter: text().notNull(),
    bucket: smallint().notNull(),
    meetings: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.rootUnitId, t.quarter, t.bucket] })],
);

export type SubtreeMeetingScore = typeof subtreeMeetingScores.$inferSelect;
