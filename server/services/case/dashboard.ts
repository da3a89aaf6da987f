import "server-only";
import { sql } from "drizzle-orm";
import { itemOverdueSql } from "~/lib/rectification";
import { caseStatuses, rootCauses, type CaseForm, type CaseStatus, type CategoryCode, type RootCause } from "~/lib/codes";
import { queryRows, type Db } from "~/db/client";
import { checkedRange } from "~/server/lib/quarter-range";
import { assertUnitInScope, readableFromSql, readsOnlyOwnUnit, type Actor } from "~/server/scope";
import { todayInChina } from "~/server/services/meeting/schemas";
import type { CaseDashboardInput } from "./dashboard-schema";

type Count = number | string; // bigint counts arrive as text from postgres.js
type GroupRow = {
  quarter: string | null;
  category: CategoryCode | null;
  form: CaseForm | null;
  status: CaseStatus | null;
  root_cause: RootCause | null;
  n: Count;
};
type UnitRow = { unit_id: number; unit_name: string; n: Count; last_quarter: string };
type OverdueRow = {
  item_id: number;
  case_id: number;
  unit_id: number;
  unit_name: string;
  description: string;
  owner: string;
  deadline: string;
  days_overdue: Count;
};

const OVERDUE_LIST = 20;
const REPEATED_UNITS = 50;

/**
 * `case.dashboard` (问责统计): the cases of a subtree (staff: their own unit) opened in a quarter
 * range, optionally of one category — per quarter by category and by form, by status, by root
 * cause, the overdue rectification items, and the units with repeated cases. Scope as
 * `case.list`; overdue as everywhere (not done, deadline before today in Beijing). Every figure
 * is a GROUP BY in PostgreSQL.
 */
export async function caseDashboard({ db, actor }: { db: Db; actor: Actor }, input: CaseDashboardInput, today = todayInChina()) {
  const quarters = checkedRange(input.from, input.to);
  const root = await assertUnitInScope(db, actor, input.unitId, "read");
  const ownUnitOnly = readsOnlyOwnUnit(actor);
  const scoped = sql`scoped as (
    select c.id, c.unit_id, c.quarter, c.category, c.form, c.status, c.root_cause
    from cases c join units u on u.id = c.unit_id
    where ${readableFromSql(actor, root, "u")}
      and c.quarter between ${input.from} and ${input.to}
      ${input.category ? sql`and c.category = ${input.category}` : sql``})`;
  const overdueItem = itemOverdueSql("ri", today);

  const [groups, units, [totals], overdueRows] = await Promise.all([
    // One pass for four charts; the case columns are NOT NULL, so a null marks a grouped-out column.
    queryRows<GroupRow>(
      db,
      sql`with ${scoped}
        select quarter, category, form, status, root_cause, count(*) as n from scoped
        group by grouping sets ((quarter, category), (quarter, form), (status), (root_cause))`,
    ),
    queryRows<UnitRow>(
      db,
      sql`with ${scoped}
        select s.unit_id, u.name as unit_name, count(*) as n, max(s.quarter) as last_quarter
        from scoped s join units u on u.id = s.unit_id
        group by s.unit_id, u.name having count(*) >= 2
        order by n desc, last_quarter desc, u.name, s.unit_id
        limit ${REPEATED_UNITS}`,
    ),
    queryRows<{ items: Count; cases: Count }>(
      db,
      sql`with ${scoped}
        select count(*) as items, count(distinct ri.case_id) as cases
        from rectification_items ri join scoped s on s.id = ri.case_id
        where ${overdueItem}`,
    ),
    queryRows<OverdueRow>(
      db,
      sql`with ${scoped}
        select ri.id as item_id, ri.case_id, s.unit_id, u.name as unit_name, ri.description, ri.owner,
               to_char(ri.deadline, 'YYYY-MM-DD') as deadline, ${today}::date - ri.deadline as days_overdue
        from rectification_items ri join scoped s on s.id = ri.case_id join units u on u.id = s.unit_id
        where ${overdueItem}
        order by ri.deadline, ri.id
        limit ${OVERDUE_LIST}`,
    ),
  ]);

  const byQuarterCategory = groups
    .filter((g) => g.quarter && g.category)
    .map((g) => ({ quarter: g.quarter!, category: g.category!, count: Number(g.n) }));
  const byQuarterForm = groups.filter((g) => g.quarter && g.form).map((g) => ({ quarter: g.quarter!, form: g.form!, count: Number(g.n) }));
  const statusCount = new Map(groups.filter((g) => g.status).map((g) => [g.status!, Number(g.n)]));
  const byStatus = caseStatuses.map((status) => ({ status, count: statusCount.get(status) ?? 0 }));
  const causeCount = new Map(groups.filter((g) => g.root_cause).map((g) => [g.root_cause!, Number(g.n)]));
  const closed = statusCount.get("closed") ?? 0;
  const total = byStatus.reduce((sum, s) => sum + s.count, 0);

  return {
    unitId: root.id,
    unitName: root.name,
    /** Staff: the figures are of their own unit, not of the units below it. */
    ownUnitOnly,
    from: input.from,
    to: input.to,
    category: input.category ?? null,
    quarters,
    total,
    byQuarterCategory,
    byQuarterForm,
    status: { open: total - closed, closed },
    byStatus,
    overdue: {
      items: Number(totals?.items ?? 0),
      cases: Number(totals?.cases ?? 0),
      list: overdueRows.map((r) => ({
        itemId: r.item_id,
        caseId: r.case_id,
        unitId: r.unit_id,
        unitName: r.unit_name,
        description: r.description,
        owner: r.owner,
        deadline: r.deadline,
        daysOverdue: Number(r.days_overdue),
      })),
    },
    // All five causes, most frequent first (code order among equals), so the bar chart keeps its rows.
    rootCauses: rootCauses.map((rootCause) => ({ rootCause, count: causeCount.get(rootCause) ?? 0 })).sort((a, b) => b.count - a.count),
    repeatedUnits: units.map((u) => ({ unitId: u.unit_id, unitName: u.unit_name, count: Number(u.n), lastQuarter: u.last_quarter })),
  };
}

export type CaseDashboard = Awaited<ReturnType<typeof caseDashboard>>;
