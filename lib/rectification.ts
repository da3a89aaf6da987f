import { sql, type SQL } from "drizzle-orm";

/**
 * The overdue rule of rectification items (整改事项) — a case's items and the items of the
 * superior's comment (点评整改事项) alike: not done and the deadline before today (a Beijing
 * calendar date, YYYY-MM-DD). The SQL twin reads the `done_at` and `deadline` columns of the
 * item table named `alias`.
 */
export const isItemOverdue = (item: { doneAt: Date | string | null; deadline: string }, today: string): boolean =>
  item.doneAt === null && item.deadline < today;

/** An item not yet done, as a SQL condition on the item table `alias`: the first half of the overdue rule. */
export const itemPendingSql = (alias: string): SQL => sql`${sql.identifier(alias)}.done_at is null`;

/** A deadline (a date column or expression) before `today`: the second half of the overdue rule. */
export const deadlinePassedSql = (deadline: SQL, today: string): SQL => sql`${deadline} < ${today}::date`;

/** `isItemOverdue` as a SQL condition on the item table `alias` (rectification_items or assessment_items). */
export const itemOverdueSql = (alias: string, today: string): SQL =>
  sql`(${itemPendingSql(alias)} and ${deadlinePassedSql(sql`${sql.identifier(alias)}.deadline`, today)})`;

/** Whether a deadline (YYYY-MM-DD) given to a new or changed item is already past on `today` (Beijing): refused by the server, warned by the form. */
export const deadlineBeforeToday = (deadline: string, today: string): boolean => deadline < today;
