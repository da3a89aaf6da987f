import "server-only";
import { and, asc, count, eq, sql } from "drizzle-orm";
import type { Db } from "~/db/client";
import { reports, units } from "~/db/schema";
import { defaultReportingQuarter, quarterOf } from "~/lib/quarter";
import { policy, reachSql, type Actor } from "~/server/scope";
import { completenessSummary } from "~/server/services/completeness/summary";
import { computeCompletion } from "~/server/services/meeting/completion";
import { owesReport } from "~/server/services/completeness/expected";
import { deadlineFor } from "~/server/services/deadline/rules";
import { assessmentTodo } from "./assessment";
import { oversightTodo } from "./oversight";

const REVIEW_LIMIT = 50;

/**
 * The actor's to-do list (待办): for data-entry staff the report due, any returned reports
 * and the meetings still outstanding this quarter; for reviewers the reports waiting for their approval; for anyone overseeing a
 * subtree, how many units have not handed in the current quarter.
 */
export async function listTodo({ db, actor }: { db: Db; actor: Actor }) {
  const quarter = defaultReportingQuarter();
  const deadline = await deadlineFor(db, quarter);
  const now = new Date();

  let due: { unitId: number; quarter: string; state: string; deadline: Date; overdue: boolean } | null = null;
  let returned: { unitId: number; quarter: string; reason: string | null }[] = [];
  let meetingsOutstanding: { quarter: string; type: string; expected: number; held: number }[] = [];
  if (policy[actor.role].write === "own") {
    const [own] = await db.select().from(units).where(eq(units.id, actor.unitId));
    const [current] = await db
      .select({ status: reports.status })
      .from(reports)
      .where(and(eq(reports.unitId, actor.unitId), eq(reports.quarter, quarter)));
    // A unit created after the quarter (or deactivated before it) owes no report for it.
    if (own && owesReport(own, quarter) && (!current || current.status === "draft")) {
      due = { unitId: actor.unitId, quarter, state: current?.status ?? "not_started", deadline, overdue: now > deadline };
    }
    returned = await db
      .select({ unitId: reports.unitId, quarter: reports.quarter, reason: reports.returnReason })
      .from(reports)
      .where(and(eq(reports.unitId, actor.unitId), eq(reports.status, "returned")))
      .orderBy(asc(reports.quarter));
    // Meetings the frequency rules still expect of the unit this (running) quarter.
    if (own) {
      const running = quarterOf(now);
      const { rows } = await computeCompletion(db, own, running);
      meetingsOutstanding = rows
        .filter((r) => r.status === "short")
        .map((r) => ({ quarter: running, type: r.type, expected: r.expected, held: r.held }));
    }
  }

  let toReview: { unitId: number; unitName: string; quarter: string; submittedAt: Date | null; late: boolean }[] = [];
  let toReviewTotal = 0;
  const approveReach = policy[actor.role].approve;
  if (approveReach !== "none" && approveReach !== "own") {
    const inReach = and(eq(reports.status, "submitted"), reachSql(actor, "approve", units));
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

  // Counts only: the unit rows behind them are the completeness page's business.
  const completeness =
    policy[actor.role].read === "own"
      ? null
      : await completenessSummary(db, { root: { id: actor.unitId, path: actor.unitPath }, onlyRoot: false, quarter, deadline });

  const oversight = await oversightTodo({ db, actor });
  const assessment = await assessmentTodo({ db, actor }, now);

  return { quarter, deadline, due, returned, meetingsOutstanding, toReview, toReviewTotal, completeness, oversight, assessment };
}
