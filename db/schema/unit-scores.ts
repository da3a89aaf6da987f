import { doublePrecision, index, integer, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { reportStatuses } from "~/lib/codes";

/**
 * Analytics fact table (as DHIS2's analytics tables): one unit's scores of one quarter, from its
 * own report, for every report that is submitted or approved. `series` is `composite`,
 * `business` (业务考核得分) or a category code. Written only by `server/services/rollup/*`, in
 * the transaction that moves the report; never typed into. `regionId` is the unit's top-level
 * branch (the child of the tree's root it sits under): the distribution key for Citus
 * (docs/scaling.md). `unit_scores_quarter_series_idx` also carries `status`, `score` and `region_id`
 * (INCLUDE, migration 0024 — drizzle cannot declare it): the quadrant reads it index-only.
 */
export const unitScores = pgTable(
  "unit_scores",
  {
    unitId: integer().notNull(),
    quarter: text().notNull(),
    series: text().notNull(),
    regionId: integer().notNull(),
    status: text({ enum: reportStatuses }).notNull(),
    score: doublePrecision().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.unitId, t.quarter, t.series] }),
    index("unit_scores_quarter_series_idx").on(t.quarter, t.series, t.unitId),
  ],
);

export type UnitScore = typeof unitScores.$inferSelect;
