import { eq } from "drizzle-orm";
import type { Db, Tx } from "~/db/client";
import { cases, type Case, type Unit } from "~/db/schema";
import { notFound } from "~/server/errors";
import { assertUnitInScope, type Access, type Actor } from "~/server/scope";

/** Loads a case and checks the actor's access to its unit ("read" or "case" = write); NOT_FOUND / FORBIDDEN otherwise. */
export async function loadCaseInScope(
  db: Db | Tx,
  actor: Actor,
  id: number,
  access: Extract<Access, "read" | "case">,
): Promise<{ row: Case; unit: Unit }> {
  const [row] = await db.select().from(cases).where(eq(cases.id, id)).limit(1);
  if (!row) throw notFound(`案件不存在（case ${id} not found）`);
  const unit = await assertUnitInScope(db, actor, row.unitId, access);
  return { row, unit };
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
