import "server-only";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "~/db/client";
import type { DutyReportStatus } from "~/lib/codes";
import { assertUnitInScope, canAccess, readableFromSql, type Actor } from "~/server/scope";
import { submittedLate } from "./duty-late";
import type { ListDutyReportsInput } from "./duty-schemas";
import { acceptsInputs } from "~/lib/assessment/cycle-status";
import { cycleYears } from "./editable-cycle";

const LIST_LIMIT = 500;

type Row = {
  unit_id: number;
  unit_name: string;
  path: string;
  depth: number;
  total: number | string;
  id: number | null;
  status: DutyReportStatus | null;
  submitted_at: Date | string | null;
  copied_similarity: number | null;
};

/**
 * `assessment.listDutyReports`: the year's duty reports of the graded units (all but the tree's
 * root) the caller reads from `unitId` — each with its status (null: not started), when it was
 * submitted, whether late (逾期) or flagged as copied (雷同), and whether the caller may decide
 * on it — plus the status counts and the years that have a cycle. One query, in tree order.
 */
export async function listDutyReports({ db, actor }: { db: Db; actor: Actor }, input: ListDutyReportsInput) {
  const root = await assertUnitInScope(db, actor, input.unitId, "read");
  const years = await cycleYears(db);
  const cycle = years.find((y) => y.year === input.year) ?? null;
  const rows = await queryRows<Row>(
    db,
    sql`select u.id as unit_id, u.name as unit_name, u.path, u.depth, count(*) over () as total,
               d.id, d.status, d.submitted_at, d.copied_similarity
          from units u left join duty_reports d on d.unit_id = u.id and d.year = ${input.year}
         where ${readableFromSql(actor, root, "u")} and u.parent_id is not null and u.active
         order by u.path
         limit ${LIST_LIMIT}`,
  );
  const open = cycle ? acceptsInputs(cycle.status) : false;
  const counts: Record<DutyReportStatus | "none", number> = { none: 0, draft: 0, submitted: 0, returned: 0, accepted: 0 };
  const out = rows.map((r) => {
    counts[r.status ?? "none"]++;
    const submittedAt = r.submitted_at === null ? null : new Date(r.submitted_at);
    return {
      unitId: Number(r.unit_id),
      unitName: r.unit_name,
      depth: Number(r.depth) - root.depth,
      id: r.id === null ? null : Number(r.id),
      status: r.status,
      submittedAt,
      late: cycle ? submittedLate(submittedAt, cycle.dutyReportDeadline) : false,
      copied: r.copied_similarity !== null,
      canDecide: open && r.status === "submitted" && canAccess(actor, { id: Number(r.unit_id), path: r.path }, "assess"),
    };
  });
  return {
    years,
    cycle,
    total: Number(rows[0]?.total ?? 0),
    counts,
    rows: input.status ? out.filter((r) => r.status === input.status) : out,
  };
}
