import { sql } from "drizzle-orm";
import { queryRows, type Db } from "~/db/client";
import type { ReportStatus } from "~/db/schema";
import { reportDeadline } from "~/server/lib/quarter";
import { assertUnitInScope, readsOnlyOwnUnit, type Actor } from "~/server/scope";
import { getSetting } from "~/server/services/settings/get";

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
 * Reporting completeness of a subtree for one quarter (报送进度): every active unit with the
 * state of its report, and the on-time rate — the share of units that submitted by the deadline.
 */
export async function getCompleteness({ db, actor }: { db: Db; actor: Actor }, input: { unitId: number; quarter: string }) {
  const root = await assertUnitInScope(db, actor, input.unitId, "read");
  const deadline = reportDeadline(input.quarter, await getSetting(db, "reportDeadlineDays"));
  const pastDeadline = new Date() > deadline;
  const rows = await queryRows<Row>(
    db,
    sql`select u.id, u.parent_id, u.name, u.type, u.depth, r.status, r.late, r.submitted_at
        from units u
        left join reports r on r.unit_id = u.id and r.quarter = ${input.quarter}
        where u.active and ${readsOnlyOwnUnit(actor) ? sql`u.id = ${root.id}` : sql`u.path like ${`${root.path}%`}`}
        order by u.path`,
  );
  const units = rows.map((r) => {
    const state: CompletenessState = r.status ?? "not_started";
    const handedIn = state === "submitted" || state === "approved";
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
  const count = (pred: (u: (typeof units)[number]) => boolean) => units.filter(pred).length;
  const onTime = count((u) => (u.state === "submitted" || u.state === "approved") && !u.late);
  return {
    unitId: root.id,
    unitName: root.name,
    quarter: input.quarter,
    deadline,
    summary: {
      total: units.length,
      notStarted: count((u) => u.state === "not_started"),
      draft: count((u) => u.state === "draft"),
      returned: count((u) => u.state === "returned"),
      submitted: count((u) => u.state === "submitted"),
      approved: count((u) => u.state === "approved"),
      late: count((u) => u.late),
      overdue: count((u) => u.overdue),
      onTime,
      onTimeRate: units.length ? (onTime / units.length) * 100 : null,
    },
    units,
  };
}
