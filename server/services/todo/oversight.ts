import "server-only";
import { sql } from "drizzle-orm";
import { itemOverdueSql } from "~/lib/rectification";
import { queryRows, type Db } from "~/db/client";
import { addQuarters, defaultReportingQuarter, quarterOf } from "~/lib/quarter";
import { policy, reachSql, type Actor } from "~/server/scope";
import { meetingFlagsSql } from "~/server/services/meeting/flags";

const LIST_LIMIT = 8;

type Num = number | string;
const num = (v: Num | null | undefined) => Number(v ?? 0);

/** Today in Beijing time (YYYY-MM-DD), the day rectification deadlines are counted in. */
const beijingToday = () => new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10);

/**
 * The oversight part of the to-do (reviewers, leaders, admins): overdue rectification items,
 * open cases awaiting the caller (only for those who move cases), formalism flags of the last
 * two quarters, and review meetings not yet closed — each a count over the caller's whole
 * reach (SQL aggregates, scoped by server/scope.ts) with the first few rows to act on.
 */
export async function oversightTodo({ db, actor }: { db: Db; actor: Actor }) {
  if (policy[actor.role].read === "own") return null;
  const readable = reachSql(actor, "read", "u");
  const today = beijingToday();

  const [overdueCount] = await queryRows<{ items: Num; cases: Num }>(
    db,
    sql`select count(*) as items, count(distinct c.id) as cases
        from rectification_items i join cases c on c.id = i.case_id join units u on u.id = c.unit_id
        where ${readable} and ${itemOverdueSql("i", today)} and c.status <> 'closed'`,
  );
  const overdue = await queryRows<{ item_id: Num; case_id: Num; description: string; deadline: string; unit_name: string }>(
    db,
    sql`select i.id as item_id, c.id as case_id, i.description, i.deadline::text as deadline, u.name as unit_name
        from rectification_items i join cases c on c.id = i.case_id join units u on u.id = c.unit_id
        where ${readable} and ${itemOverdueSql("i", today)} and c.status <> 'closed'
        order by i.deadline, i.id limit ${LIST_LIMIT}`,
  );

  // Cases wait on whoever moves them: reviewers (and admins) in their case reach.
  let cases: {
    total: number;
    byStatus: Record<string, number>;
    rows: { id: number; unitName: string; status: string; category: string; updatedAt: Date }[];
  } | null = null;
  if (policy[actor.role].case !== "none") {
    const movable = reachSql(actor, "case", "u");
    const counts = await queryRows<{ status: string; n: Num }>(
      db,
      sql`select c.status, count(*) as n from cases c join units u on u.id = c.unit_id
          where ${movable} and c.status <> 'closed' group by c.status
          order by array_position(array['opened', 'investigating', 'decided', 'rectifying'], c.status)`,
    );
    const rows = await queryRows<{ id: Num; unit_name: string; status: string; category: string; updated_at: Date | string }>(
      db,
      sql`select c.id, u.name as unit_name, c.status, c.category, c.updated_at from cases c join units u on u.id = c.unit_id
          where ${movable} and c.status <> 'closed' order by c.updated_at asc, c.id limit ${LIST_LIMIT}`,
    );
    const byStatus = Object.fromEntries(counts.map((r) => [r.status, num(r.n)]));
    cases = {
      total: Object.values(byStatus).reduce((a, b) => a + b, 0),
      byStatus,
      rows: rows.map((r) => ({
        id: num(r.id),
        unitName: r.unit_name,
        status: r.status,
        category: r.category,
        updatedAt: new Date(r.updated_at),
      })),
    };
  }

  // Flags of the quarter being reported and the running one: what is new since the last reporting round.
  const to = quarterOf(new Date());
  const from = addQuarters(to, -1);
  const root = { id: actor.unitId, path: policy[actor.role].read === "all" ? "/" : actor.unitPath };
  const [flagCount] = await queryRows<{ flags: Num; units: Num }>(
    db,
    sql`select count(*) as flags, count(distinct f."unitId") as units from (${meetingFlagsSql(actor, root, { from, to })}) f`,
  );

  const meetings = await queryRows<{
    id: Num;
    title: string;
    quarter: string;
    status: string;
    unit_name: string;
    held_on: string | null;
    items: Num;
    total: Num;
  }>(
    db,
    sql`select count(*) over () as total, m.id, m.title, m.quarter, m.status, u.name as unit_name, m.held_on,
               (select count(*) from review_agenda_items a where a.meeting_id = m.id) as items
        from review_meetings m join units u on u.id = m.unit_id
        where ${readable} and m.status <> 'closed'
        order by m.status = 'running' desc, m.created_at asc limit ${LIST_LIMIT}`,
  );

  return {
    overdueRectifications: {
      items: num(overdueCount?.items),
      cases: num(overdueCount?.cases),
      rows: overdue.map((r) => ({
        itemId: num(r.item_id),
        caseId: num(r.case_id),
        description: r.description,
        deadline: r.deadline,
        unitName: r.unit_name,
      })),
    },
    cases,
    flags: { from, to, count: num(flagCount?.flags), units: num(flagCount?.units), reportingQuarter: defaultReportingQuarter() },
    reviewMeetingsTotal: num(meetings[0]?.total),
    reviewMeetings: meetings.map((m) => ({
      id: num(m.id),
      title: m.title,
      quarter: m.quarter,
      status: m.status,
      unitName: m.unit_name,
      heldOn: m.held_on,
      items: num(m.items),
    })),
  };
}
