import "server-only";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "~/db/client";
import type { DutyReportStatus } from "~/lib/codes";
import { isItemOverdue } from "~/lib/rectification";
import { policy, reachSql, type Actor } from "~/server/scope";
import { submittedLate } from "~/server/services/assessment/duty-late";
import { overdueItemRows } from "~/server/services/assessment/item-list-overdue";
import { inputStatuses } from "~/lib/assessment/cycle-status";
import { todayInChina } from "~/server/services/meeting/schemas";
import { gradedUnitSql } from "~/server/services/assessment/grade-inputs";

const LIST_LIMIT = 8;
type Num = number | string;
const openCycles = sql.join(
  inputStatuses.map((s) => sql`${s}`),
  sql`, `,
);

/**
 * The annual assessment's part of the to-do (待办). For the unit's staff: the duty report to
 * write (撰写述职报告) while a cycle takes them and none is submitted, and the open items of the
 * superior's comment (点评整改事项). For the level above (scope "assess"): the submitted duty
 * reports to accept or return, the comment items past their deadline (overdue as a case's), and —
 * while a year is at its rating stage (评定等次) — how many of the units it grades have no final
 * grade yet.
 */
export async function assessmentTodo({ db, actor }: { db: Db; actor: Actor }, now = new Date()) {
  const today = todayInChina(now);
  const writesOwn = policy[actor.role].write === "own";
  const assesses = policy[actor.role].assess !== "none";

  let dutyReportsDue: { year: number; status: DutyReportStatus | null; deadline: string; overdue: boolean; returnReason: string | null }[] =
    [];
  let openItems: { id: number; unitId: number; year: number; content: string; deadline: string; overdue: boolean }[] = [];
  if (writesOwn) {
    const due = await queryRows<{ year: number; status: DutyReportStatus | null; deadline: string; return_reason: string | null }>(
      db,
      sql`select c.year, d.status, c.rules->>'dutyReportDeadline' as deadline, d.return_reason
            from assessment_cycles c join units u on u.id = ${actor.unitId} and u.parent_id is not null and u.active
            left join duty_reports d on d.year = c.year and d.unit_id = u.id
           where c.status in (${openCycles}) and (d.id is null or d.status in ('draft', 'returned'))
           order by c.year`,
    );
    dutyReportsDue = due.map((r) => ({
      year: Number(r.year),
      status: r.status,
      deadline: r.deadline,
      overdue: today > r.deadline,
      returnReason: r.return_reason,
    }));
    const items = await queryRows<{ id: Num; year: Num; content: string; deadline: string }>(
      db,
      sql`select i.id, i.year, i.content, i.deadline::text as deadline from assessment_items i
           where i.unit_id = ${actor.unitId} and i.done_at is null
           order by i.deadline, i.position, i.id limit ${LIST_LIMIT}`,
    );
    openItems = items.map((i) => {
      const item = { id: Number(i.id), unitId: actor.unitId, year: Number(i.year), content: i.content, deadline: i.deadline };
      return { ...item, overdue: isItemOverdue({ doneAt: null, deadline: i.deadline }, today) };
    });
  }

  let toDecide: { total: number; rows: { unitId: number; unitName: string; year: number; submittedAt: Date; late: boolean }[] } | null =
    null;
  let overdueItems: Awaited<ReturnType<typeof overdueItemRows>> | null = null;
  let toGrade: { year: number; ungraded: number; units: number }[] = [];
  if (assesses) {
    const reach = reachSql(actor, "assess", "u");
    const rating = await queryRows<{ year: Num; ungraded: Num; units: Num }>(
      db,
      sql`select c.year, count(*) filter (where g.final is null) as ungraded, count(*) as units
            from assessment_cycles c join units u on ${gradedUnitSql} and ${reach}
            left join assessment_grades g on g.year = c.year and g.unit_id = u.id
           where c.status = 'rating' group by c.year order by c.year`,
    );
    toGrade = rating.map((r) => ({ year: Number(r.year), ungraded: Number(r.ungraded), units: Number(r.units) }));
    const rows = await queryRows<{ total: Num; unit_id: Num; unit_name: string; year: Num; submitted_at: Date | string; deadline: string }>(
      db,
      sql`select count(*) over () as total, u.id as unit_id, u.name as unit_name, d.year, d.submitted_at,
                 c.rules->>'dutyReportDeadline' as deadline
            from duty_reports d join units u on u.id = d.unit_id join assessment_cycles c on c.year = d.year
           where d.status = 'submitted' and c.status in (${openCycles}) and ${reach}
           order by d.submitted_at, d.id limit ${LIST_LIMIT}`,
    );
    toDecide = {
      total: Number(rows[0]?.total ?? 0),
      rows: rows.map((r) => {
        const submittedAt = new Date(r.submitted_at);
        return {
          unitId: Number(r.unit_id),
          unitName: r.unit_name,
          year: Number(r.year),
          submittedAt,
          late: submittedLate(submittedAt, r.deadline),
        };
      }),
    };
    overdueItems = await overdueItemRows(db, reach, today, LIST_LIMIT);
  }
  return { dutyReportsDue, openItems, toDecide, overdueItems, toGrade };
}
