import "server-only";
import type { Db, Tx } from "~/db/client";
import { eq } from "drizzle-orm";
import { inspections, type Inspection } from "~/db/schema";
import { loadInScope, type Actor } from "~/server/scope";
import { quarterOfDate } from "~/server/services/meeting/schemas";
import type { InspectionFields } from "./schemas";

/**
 * An inspection and its unit, if the actor may read it ("read") or record inspections there
 * ("case", as accountability cases). One the caller may not even read is NOT_FOUND (its
 * existence is private); one they may read but not change is FORBIDDEN.
 */
export async function loadInspectionInScope(db: Db | Tx, actor: Actor, id: number, access: "read" | "case", opts: { lock?: boolean } = {}) {
  const { row, unit } = await loadInScope(db, actor, "inspection", id, access);
  // A withdrawal locks the inspection row against a case being opened from it meanwhile.
  if (opts.lock) await db.select({ id: inspections.id }).from(inspections).where(eq(inspections.id, id)).for("update");
  return { inspection: row, unit };
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
