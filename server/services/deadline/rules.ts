import "server-only";
import { asc, desc, eq, lte, sql } from "drizzle-orm";
import type { Db, Tx } from "~/db/client";
import { reportDeadlineRules, users } from "~/db/schema";
import { addQuarters, quarterOf, reportDeadline } from "~/lib/quarter";
import { settingDefinitions } from "~/server/services/settings/definitions";

/**
 * A quarter's reporting opens when the quarter begins (the running quarter can be drafted), and
 * from then on its deadline is fixed: a change of 报送截止天数 applies from the next quarter.
 */
export const firstChangeableQuarter = (now = new Date()) => addQuarters(quarterOf(now), 1);

/** The days in force for `quarter`: the rule with the latest `validFrom` ≤ it. */
export async function deadlineDaysFor(db: Db | Tx, quarter: string): Promise<number> {
  const [rule] = await db
    .select({ days: reportDeadlineRules.days })
    .from(reportDeadlineRules)
    .where(lte(reportDeadlineRules.validFrom, quarter))
    .orderBy(desc(reportDeadlineRules.validFrom))
    .limit(1);
  return rule?.days ?? settingDefinitions.reportDeadlineDays.default;
}

/** The instant reports of `quarter` become late — the one deadline every page and every late mark uses. */
export async function deadlineFor(db: Db | Tx, quarter: string): Promise<Date> {
  return reportDeadline(quarter, await deadlineDaysFor(db, quarter));
}

/** Records a new number of days from the first quarter whose reporting has not opened. */
export async function setDeadlineDaysFromNextQuarter(tx: Tx, actorId: number, days: number): Promise<string> {
  const validFrom = firstChangeableQuarter();
  await tx
    .insert(reportDeadlineRules)
    .values({ validFrom, days, createdBy: actorId })
    .onConflictDoUpdate({ target: reportDeadlineRules.validFrom, set: { days, createdAt: sql`now()`, createdBy: actorId } });
  return validFrom;
}

/** The history of the deadline rule, oldest first, for the settings page. */
export async function listDeadlineRules(db: Db) {
  const rows = await db
    .select({
      validFrom: reportDeadlineRules.validFrom,
      days: reportDeadlineRules.days,
      createdAt: reportDeadlineRules.createdAt,
      createdBy: users.displayName,
    })
    .from(reportDeadlineRules)
    .leftJoin(users, eq(users.id, reportDeadlineRules.createdBy))
    .orderBy(asc(reportDeadlineRules.validFrom));
  const current = quarterOf(new Date());
  return {
    firstChangeable: firstChangeableQuarter(),
    currentQuarter: current,
    currentDays: await deadlineDaysFor(db, current),
    rules: rows,
  };
}
