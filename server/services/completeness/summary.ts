import "server-only";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "~/db/client";
import type { Unit } from "~/db/schema";
import { subtreeSql } from "~/server/scope";
import { owesReportSql } from "./expected";
import { editableReportStatuses, handedInReportStatuses } from "~/lib/status";
import { statusInSql } from "~/lib/status-sql";

type Counts = Record<
  "total" | "notStarted" | "draft" | "returned" | "submitted" | "approved" | "late" | "overdue" | "onTime",
  number | string
>;

/**
 * How a subtree's units owing the quarter (expected.ts) stand for one quarter, counted in the database (one row
 * however many units): by report state, late, overdue (not handed in after the deadline),
 * and the on-time rate — the share of units that handed in before the deadline.
 */
export async function completenessSummary(
  db: Db,
  opts: { root: Pick<Unit, "id" | "path">; onlyRoot: boolean; quarter: string; deadline: Date },
) {
  const pastDeadline = new Date() > opts.deadline;
  const [row] = await queryRows<Counts>(
    db,
    sql`select count(*) as "total",
               count(*) filter (where r.status is null) as "notStarted",
               count(*) filter (where r.status = 'draft') as "draft",
               count(*) filter (where r.status = 'returned') as "returned",
               count(*) filter (where r.status = 'submitted') as "submitted",
               count(*) filter (where r.status = 'approved') as "approved",
               count(*) filter (where r.late) as "late",
               count(*) filter (where ${pastDeadline} and (r.status is null or ${statusInSql("r.status", editableReportStatuses)})) as "overdue",
               count(*) filter (where ${statusInSql("r.status", handedInReportStatuses)} and not r.late) as "onTime"
        from units u
        left join reports r on r.unit_id = u.id and r.quarter = ${opts.quarter}
        where ${owesReportSql("u", opts.quarter)} and ${subtreeSql("u", opts.root, opts.onlyRoot)}`,
  );
  // count(*) is bigint: postgres.js returns it as a string.
  const n = (k: keyof Counts) => Number(row?.[k] ?? 0);
  const total = n("total");
  return {
    total,
    notStarted: n("notStarted"),
    draft: n("draft"),
    returned: n("returned"),
    submitted: n("submitted"),
    approved: n("approved"),
    late: n("late"),
    overdue: n("overdue"),
    onTime: n("onTime"),
    onTimeRate: total ? (n("onTime") / total) * 100 : null,
  };
}
