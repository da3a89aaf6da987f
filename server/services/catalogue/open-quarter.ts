import "server-only";
import { eq, max, sql } from "drizzle-orm";
import type { Db, Tx } from "~/db/client";
import { advisoryLocks } from "~/db/locks";
import { indicators, reports } from "~/db/schema";
import { notFound } from "~/server/errors";
import { addQuarters, defaultReportingQuarter, formatQuarter } from "~/lib/quarter";
import { m } from "~/lib/server-message";

/**
 * Past quarters keep being scored with the rules they were reported under: once a quarter has
 * an approved report, the rules in force in it (and in every earlier quarter) are frozen.
 */
export async function latestApprovedQuarter(db: Db | Tx): Promise<string | null> {
  const [row] = await db
    .select({ quarter: max(reports.quarter) })
    .from(reports)
    .where(eq(reports.status, "approved"));
  return row?.quarter ?? null;
}

// Rule changes hold this lock exclusively and approvals hold it shared, so an approval cannot
// land in a quarter between a rule change's check of the latest approved quarter and its write
// (db/locks.ts `catalogueRules`).

/** `latestApprovedQuarter` for a rule change: takes the lock first, for the rest of the transaction. */
export async function latestApprovedQuarterForChange(tx: Tx): Promise<string | null> {
  await tx.execute(sql`select pg_advisory_xact_lock(${advisoryLocks.catalogueRules})`);
  return latestApprovedQuarter(tx);
}

/** Taken by an approval's transaction: waits for a rule change in progress, never for other approvals. */
export async function holdRulesForApproval(tx: Tx): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock_shared(${advisoryLocks.catalogueRules})`);
}

/** The first quarter from which rules may change (null: nothing approved yet, any quarter may). */
export const firstOpenQuarter = (latestApproved: string | null) => (latestApproved ? addQuarters(latestApproved, 1) : null);

/** The quarter the forms offer first: the smallest allowed one, or the reporting quarter when all are open. */
export const defaultValidFrom = (latestApproved: string | null) => firstOpenQuarter(latestApproved) ?? defaultReportingQuarter();

/** Why rules may not change from `quarter` (a field message), or null when they may. */
export function closedQuarterMessage(latestApproved: string | null, quarter: string): string | null {
  if (!latestApproved || quarter > latestApproved) return null;
  const first = firstOpenQuarter(latestApproved)!;
  return m("catalogue.quartersUpToHaveApprovedReports", {
    latestApprovedZh: formatQuarter(latestApproved, "zh-CN"),
    firstZh: formatQuarter(first, "zh-CN"),
    latestApprovedEn: formatQuarter(latestApproved, "en"),
    firstEn: formatQuarter(first, "en"),
  });
}

/** Loads an indicator for a write, or throws NOT_FOUND. */
export async function loadIndicator(db: Db | Tx, code: string) {
  const [row] = await db.select().from(indicators).where(eq(indicators.code, code)).limit(1);
  if (!row) throw notFound(m("catalogue.indicatorNotFound", { code }));
  return row;
}
