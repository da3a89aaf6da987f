import "server-only";
import { and, count, desc, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "~/db/client";
import { inspections, units, users } from "~/db/schema";
import { assertUnitInScope, canAccess, readableFromSql, type Actor } from "~/server/scope";
import { linkedOfficerNameSql } from "~/server/services/officer/secretary";
import type { ListInspectionsInput } from "./schemas";

/** The accountability cases opened from an inspection (same unit, so readable wherever the inspection is). */
export const linkedCaseIds = sql<number[]>`coalesce((select json_agg(c.id order by c.id) from cases c
    where c.source_type = 'inspection' and c.source_id = ${inspections.id}), '[]'::json)`.mapWith((v: unknown) =>
  (typeof v === "string" ? (JSON.parse(v) as unknown[]) : (v as unknown[])).map(Number),
);

export const listedInspection = {
  id: inspections.id,
  unitId: inspections.unitId,
  unitName: units.name,
  inspectedOn: inspections.inspectedOn,
  quarter: inspections.quarter,
  subject: inspections.subject,
  personName: inspections.personName,
  officerId: inspections.officerId, // the secretary in post on the date (subject 书记), linked to their record
  secretaryName: linkedOfficerNameSql(inspections.officerId),
  inspectorId: inspections.inspectorId,
  inspectorName: users.displayName,
  result: inspections.result,
  findings: inspections.findings,
  reportedUpward: inspections.reportedUpward,
  version: inspections.version,
  withdrawnAt: inspections.withdrawnAt,
  withdrawReason: inspections.withdrawReason,
  caseIds: linkedCaseIds,
};

/**
 * `inspection.list`: the 一岗双责 inspections of a subtree (staff: their own unit only), newest
 * first, with unit and inspector names and the cases opened from each, and the counts by
 * result and reported upward; `canWrite` says whether the caller may record inspections for
 * the chosen unit.
 */
export async function listInspections({ db, actor }: { db: Db; actor: Actor }, input: ListInspectionsInput) {
  const root = await assertUnitInScope(db, actor, input.unitId, "read");
  const where = and(
    isNull(inspections.withdrawnAt), // withdrawn (撤回) records leave lists and counts
    readableFromSql(actor, root, units),
    input.quarter ? eq(inspections.quarter, input.quarter) : undefined,
    input.result ? eq(inspections.result, input.result) : undefined,
  );
  const n = (filter: ReturnType<typeof sql>) => sql<number>`count(*) filter (where ${filter})`.mapWith(Number);
  const [rows, [totals]] = await Promise.all([
    db
      .select(listedInspection)
      .from(inspections)
      .innerJoin(units, eq(units.id, inspections.unitId))
      .innerJoin(users, eq(users.id, inspections.inspectorId))
      .where(where)
      .orderBy(desc(inspections.inspectedOn), desc(inspections.id))
      .limit(1000),
    db
      .select({
        total: count(),
        pass: n(sql`${inspections.result} = 'pass'`),
        basic: n(sql`${inspections.result} = 'basic'`),
        fail: n(sql`${inspections.result} = 'fail'`),
        reported: n(sql`${inspections.reportedUpward}`),
      })
      .from(inspections)
      .innerJoin(units, eq(units.id, inspections.unitId))
      .where(where),
  ]);
  return {
    unitId: root.id,
    unitName: root.name,
    canWrite: canAccess(actor, root, "case"),
    totals: totals ?? { total: 0, pass: 0, basic: 0, fail: 0, reported: 0 },
    inspections: rows,
  };
}
