import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Db } from "~/db/client";
import { itemOverdueSql } from "~/lib/rectification";
import { todayInChina } from "~/lib/beijing-day";
import { assertUnitInScope, readableFromSql, type Actor } from "~/server/scope";
import type { OverdueItemsInput } from "./inputs-schemas";

type Num = number | string;

/** The full page's cap: more than this and the page says how many it leaves out. */
const PAGE_LIMIT = 500;

/**
 * The comment items (点评整改事项) past their deadline of the units `within` selects (a condition
 * on the alias `u`), oldest deadline first, at most `limit`, with how many there are in all —
 * the one query behind the to-do's block and the full list.
 */
export async function overdueItemRows(db: Db, within: SQL, today: string, limit: number) {
  const rows = await queryRows<{ total: Num; id: Num; unit_id: Num; unit_name: string; year: Num; content: string; deadline: string }>(
    db,
    sql`select count(*) over () as total, i.id, u.id as unit_id, u.name as unit_name, i.year, i.content, i.deadline::text as deadline
          from assessment_items i join units u on u.id = i.unit_id
         where ${itemOverdueSql("i", today)} and ${within}
         order by i.deadline, i.id limit ${limit}`,
  );
  return {
    total: Number(rows[0]?.total ?? 0),
    rows: rows.map((r) => ({
      id: Number(r.id),
      unitId: Number(r.unit_id),
      unitName: r.unit_name,
      year: Number(r.year),
      content: r.content,
      deadline: r.deadline,
    })),
  };
}

/** `assessment.overdueItems {unitId}`: the overdue comment items of the units the caller reads from `unitId` (the to-do's “查看全部”). */
export async function listOverdueItems({ db, actor }: { db: Db; actor: Actor }, input: OverdueItemsInput, today = todayInChina()) {
  const root = await assertUnitInScope(db, actor, input.unitId, "read");
  return { limit: PAGE_LIMIT, ...(await overdueItemRows(db, readableFromSql(actor, root, "u"), today, PAGE_LIMIT)) };
}
