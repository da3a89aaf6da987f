import { and, asc, count, eq, like, ne, sql } from "drizzle-orm";
import type { Db } from "~/db/client";
import { reports, units } from "~/db/schema";
import { defaultReportingQuarter, reportDeadline } from "~/server/lib/quarter";
import { policy, type Actor } from "~/server/scope";
import { getCompleteness } from "~/server/services/completeness/get";
import { getSetting } from "~/server/services/settings/get";

const REVIEW_LIMIT = 50;

/**
 * The actor's to-do list (待办): for data-entry staff the report due and any returned
 * reports; for reviewers the reports waiting for their approval; for anyone overseeing a
 * subtree, how many units have not handed in the current quarter.
 */
export async function listTodo({ db, actor }: { db: Db; actor: Actor }) {
  const quarter = defaultReportingQuarter();
  const deadline = reportDeadline(quarter, await getSetting(db, "reportDeadlineDays"));
  const now = new Date();

  let due: { unitId: number; quarter: string; state: string; deadline: Date; overdue: boolean } | null = null;
  let returned: { unitId: number; quarter: string; reason: string | null }[] = [];
  if (policy[actor.role].write === "own") {
    const [current] = await db
      .select({ status: reports.status })
      .from(reports)
      .where(and(eq(reports.unitId, actor.unitId), eq(reports.quarter, quarter)));
    if (!current || current.status === "draft") {
      due = { unitId: actor.unitId, quarter, state: current?.status ?? "not_started", deadline, overdue: now > deadline };
    }
    returned = await db
      .select({ unitId: reports.unitId, quarter: reports.quarter, reason: reports.returnReason })
      .from(reports)
      .where(and(eq(reports.unitId, actor.unitId), eq(reports.status, "returned")))
      .orderBy(asc(reports.quarter));
  }

  let toReview: { unitId: number; unitName: string; quarter: string; submittedAt: Date | null; late: boolean }[] = [];
  let toReviewTotal = 0;
  const approveReach = policy[actor.role].approve;
  if (approveReach !== "none" && approveReach !== "own") {
    const inReach = and(
      eq(reports.status, "submitted"),
      approveReach === "all" ? undefined : like(units.path, `${actor.unitPath}%`),
      approveReach === "below" ? ne(units.id, actor.unitId) : undefined,
    );
    toReview = await db
      .select({ unitId: units.id, unitName: units.name, quarter: reports.quarter, submittedAt: reports.submittedAt, late: reports.late })
      .from(reports)
      .innerJoin(units, eq(units.id, reports.unitId))
      .where(inReach)
      .orderBy(sql`${reports.submittedAt} asc nulls last`)
      .limit(REVIEW_LIMIT);
    const [total] = await db.select({ n: count() }).from(reports).innerJoin(units, eq(units.id, reports.unitId)).where(inReach);
    toReviewTotal = total?.n ?? 0;
  }

  const completeness =
    policy[actor.role].read === "own"
      ? null
      : (await getCompleteness({ db, actor }, { unitId: actor.unitId, quarter })).summary;

  return { quarter, deadline, due, returned, toReview, toReviewTotal, completeness };
}
