import "server-only";
import type { Db, Tx } from "~/db/client";
import type { Case, Unit } from "~/db/schema";
import { loadInScope, type Access, type Actor } from "~/server/scope";

/**
 * Loads a case and checks the actor's access to its unit ("read" or "case" = write): NOT_FOUND
 * when it does not exist or its unit is out of the caller's reading reach (the same answer),
 * FORBIDDEN when they may read it but not handle it.
 */
export function loadCaseInScope(
  db: Db | Tx,
  actor: Actor,
  id: number,
  access: Extract<Access, "read" | "case">,
): Promise<{ row: Case; unit: Unit }> {
  return loadInScope(db, actor, "case", id, access);
}

/** Keeps the audit rows small and stable: the fields a reader of the log needs. */
export const caseSnapshot = (c: Case) => ({
  unitId: c.unitId,
  subject: c.subject,
  category: c.category,
  rootCause: c.rootCause,
  form: c.form,
  status: c.status,
  sourceType: c.sourceType,
  sourceId: c.sourceId,
  sourceDetail: c.sourceDetail,
  quarter: c.quarter,
  version: c.version,
});
