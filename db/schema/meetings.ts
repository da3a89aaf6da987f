import { sql } from "drizzle-orm";
import { boolean, date, doublePrecision, index, integer, pgTable, text, timestamp, type AnyPgColumn } from "drizzle-orm/pg-core";
import { meetingTypes } from "~/lib/codes";
import { units } from "./units";
import { users } from "./users";

export { meetingTypes, type MeetingType } from "~/lib/codes";

/**
 * A meeting record (会议记录: “三会一课”, 组织生活会, 民主生活会 …). `quarter` is derived from
 * `date` and stored for indexing; `qualityScore` is computed on every write (lib/scoring/
 * meeting-quality.ts); `minutesFingerprint` is the minutes' substance and `copyBands` its MinHash
 * band hashes, for copy detection (lib/text-similarity). `copiedFromId` / `copiedSimilarity`
 * are the best copied-minutes match, computed on every write (server/services/meeting/
 * copied-match.ts) and read by `meeting.flags`; null when the minutes match nothing.
 */
export const meetings = pgTable(
  "meetings",
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    unitId: integer()
      .notNull()
      .references(() => units.id),
    type: text({ enum: meetingTypes }).notNull(),
    date: date({ mode: "string" }).notNull(), // YYYY-MM-DD
    quarter: text().notNull(),
    expected: integer().notNull(), // attendees expected (应到)
    present: integer().notNull(), // attendees present (实到)
    topic: text().notNull(),
    solicitedOpinions: boolean().notNull().default(false), // 会前征求意见 / 谈心谈话
    criticalOpinions: integer().notNull().default(0), // 批评意见条数 (self + mutual)
    selfCriticisms: integer(), // of which self-criticism (自我批评), optional breakdown
    mutualCriticisms: integer(), // of which mutual criticism (相互批评)
    rectificationItems: integer().notNull().default(0), // 整改事项
    minutes: text().notNull().default(""), // 会议记录
    minutesFingerprint: text().notNull().default(""),
    copyBands: integer().array(), // null until computed (the backfill), [] for a text too thin to compare
    copiedFromId: integer().references((): AnyPgColumn => meetings.id, { onDelete: "set null" }),
    copiedSimilarity: doublePrecision(),
    qualityScore: doublePrecision().notNull(),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    createdBy: integer().references(() => users.id),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedBy: integer().references(() => users.id),
  },
  (t) => [
    index("meetings_unit_date_idx").on(t.unitId, t.date),
    index("meetings_quarter_idx").on(t.unitId, t.quarter),
    index("meetings_copy_bands_idx").using("gin", t.copyBands).with({ fastupdate: false }),
    // The meetings that raise each formalism flag (migration 0027; the rules: server/services/meeting/flags.ts).
    index("meetings_flag_zero_criticism_idx")
      .on(t.unitId, t.quarter)
      .where(sql`${t.type} in ('org_life', 'democratic_life') and ${t.criticalOpinions} = 0`),
    index("meetings_flag_low_attendance_idx")
      .on(t.unitId, t.quarter)
      .where(sql`${t.present} * 3 < ${t.expected} * 2`),
    index("meetings_flag_copied_idx")
      .on(t.unitId, t.quarter)
      .where(sql`${t.copiedFromId} is not null`),
    index("meetings_flag_late_idx")
      .on(t.unitId, t.quarter) // INCLUDE (date): in the SQL of the migration
      .where(sql`${t.date} >= (date_trunc('quarter', ${t.date}::timestamp) + interval '3 months')::date - 10`),
  ],
);

export type Meeting = typeof meetings.$inferSelect;
