import { eq } from "drizzle-orm";
import type { Db, Tx } from "~/db/client";
import { inspections, units, type Inspection } from "~/db/schema";
import { forbidden, notFound } from "~/server/errors";
import { canAccess, type Actor } from "~/server/scope";
import { quarterOfDate } from "~/server/services/meeting/schemas";
import type { InspectionFields } from "./schemas";

/**
 * An inspection and its unit, if the actor may read it ("read") or record inspections there
 * ("case", as accountability cases). One the caller may not even read is NOT_FOUND (its
 * existence is private); one they may read but not change is FORBIDDEN.
 */
export async function loadInspectionInScope(db: Db | Tx, actor: Actor, id: number, access: "read" | "case", opts: { lock?: boolean } = {}) {
  const query = db
    .select({ inspection: inspections, unit: units })
    .from(inspections)
    .innerJoin(units, eq(units.id, inspections.unitId))
    .where(eq(inspections.id, id))
    .limit(1);
  // A withdrawal locks the inspection row against a case being opened from it meanwhile.
  const [row] = opts.lock ? await query.for("update", { of: inspections }) : await query;
  if (!row || !canAccess(actor, row.unit, "read")) throw notFound(`检查记录不存在或无权查看（inspection ${id} not found）`);
  if (!canAccess(actor, row.unit, access)) throw forbidden("无权登记或修改该单位的一岗双责检查（outside your scope）");
  return row;
}

/** The stored columns of validated fields: the quarter comes from the date, an empty name is none. */
export function inspectionColumns(f: InspectionFields) {
  return {
    inspectedOn: f.inspectedOn,
    quarter: quarterOfDate(f.inspectedOn),
    subject: f.subject,
    personName: f.personName ? f.personName : null,
    result: f.result,
    findings: f.findings,
    reportedUpward: f.reportedUpward,
  };
}

/** What the audit log keeps of an inspection. */
export const inspectionSnapshot = (i: Inspection) => ({
  unitId: i.unitId,
  inspectedOn: i.inspectedOn,
  quarter: i.quarter,
  subject: i.subject,
  personName: i.personName,
  inspectorId: i.inspectorId,
  result: i.result,
  findings: i.findings,
  reportedUpward: i.reportedUpward,
  version: i.version,
});
