import "server-only";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "~/db/client";
import type { ReportStatus } from "~/db/schema";
import { assertUnitInScope, readableFromSql, readsOnlyOwnUnit, type Actor } from "~/server/scope";
import { deadlineFor } from "~/server/services/deadline/rules";
import { owesReportSql } from "./expected";
import { completenessSummary } from "./summary";
import { isHandedIn } from "~/lib/status";

export type CompletenessState = ReportStatus | "not_started";

type Row = {
  id: number;
  parent_id: number | null;
  name: string;
  type: string;
  depth: number;
  status: ReportStatus | null;
  late: boolean | null;
  submitted_at: Date | string | null;
};

/**
 * Reporting completeness of a subtree for one quarter (报送进度): every unit owing that quarter (expected.ts) with the
 * state of its report, and the on-time rate — the share of units that submitted by the deadline.
 */
export async function getCompleteness({ db, actor }: { db: Db; actor: Actor }, input: { unitId: number; quarter: string }) {
  const root = await assertUnitInScope(db, actor, input.unitId, "read");
  const deadline = await deadlineFor(db, input.quarter);
  const pastDeadline = new Date() > deadline;
  const rows = await queryRows<Row>(
    db,
    sql`select u.id, u.parent_id, u.name, u.type, u.depth, r.status, r.late, r.submitted_at
        from units u
        left join reports r on r.unit_id = u.id and r.quarter = ${input.quarter}
        where ${owesReportSql("u", input.quarter)} and ${readableFromSql(actor, root, "u")}
        order by u.path`,
  );
  const units = rows.map((r) => {
    const state: CompletenessState = r.status ?? "not_started";
    const handedIn = isHandedIn(state);
    return {
      id: r.id,
      parentId: r.parent_id,
      name: r.name,
      type: r.type,
      depth: r.depth - root.depth,
      state,
      late: !!r.late,
      /** Not handed in and the deadline has passed (逾期未报). */
      overdue: !handedIn && pastDeadline,
      submittedAt: r.submitted_at === null ? null : new Date(r.submitted_at),
    };
  });
  const summary = await completenessSummary(db, { root, onlyRoot: readsOnlyOwnUnit(actor), quarter: input.quarter, deadline });
  return {
    unitId: root.id,
    unitName: root.name,
    quarter: input.quarter,
    deadline,
    summary,
    units,
  };
}
