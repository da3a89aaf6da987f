import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import { itemOverdueSql } from "~/lib/rectification";
import type { Db } from "~/db/client";
import { cases, rectificationItems, units } from "~/db/schema";
import { assertUnitInScope, canAccess, readableFromSql, type Actor } from "~/server/scope";
import { todayInChina } from "~/server/services/meeting/schemas";
import type { ListCasesInput } from "./schemas";

/**
 * `case.list`: the cases of a subtree (staff: their own unit only), newest first, with the
 * unit name and counts of open and overdue rectification items. Overdue = not done and the
 * deadline before today in Beijing.
 */
export async function listCases({ db, actor }: { db: Db; actor: Actor }, input: ListCasesInput, today = todayInChina()) {
  const root = await assertUnitInScope(db, actor, input.unitId, "read");
  const openItems =
    sql<number>`(select count(*) from ${rectificationItems} ri where ri.case_id = ${cases.id} and ri.done_at is null)`.mapWith(Number);
  const overdueItems =
    sql<number>`(select count(*) from ${rectificationItems} ri where ri.case_id = ${cases.id} and ${itemOverdueSql("ri", today)})`.mapWith(
      Number,
    );
  const rows = await db
    .select({
      id: cases.id,
      unitId: cases.unitId,
      unitName: units.name,
      subject: cases.subject,
      category: cases.category,
      rootCause: cases.rootCause,
      form: cases.form,
      status: cases.status,
      quarter: cases.quarter,
      sourceType: cases.sourceType,
      createdAt: cases.createdAt,
      openItems,
      overdueItems,
    })
    .from(cases)
    .innerJoin(units, eq(units.id, cases.unitId))
    .where(
      and(
        readableFromSql(actor, root, units),
        input.quarter ? eq(cases.quarter, input.quarter) : undefined,
        input.category ? eq(cases.category, input.category) : undefined,
        input.form ? eq(cases.form, input.form) : undefined,
        input.status ? eq(cases.status, input.status) : undefined,
        input.overdue === undefined ? undefined : input.overdue ? sql`${overdueItems} > 0` : sql`${overdueItems} = 0`,
      ),
    )
    .orderBy(desc(cases.createdAt), desc(cases.id))
    .limit(1000);
  return { unitId: root.id, unitName: root.name, canWrite: canAccess(actor, root, "case"), cases: rows };
}
