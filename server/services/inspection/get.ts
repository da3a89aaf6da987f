import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "~/db/client";
import { inspections, units, users } from "~/db/schema";
import { canAccess, type Actor } from "~/server/scope";
import { listedInspection } from "./list";
import { loadInspectionInScope } from "./load";

/** `inspection.get`: one inspection with its unit and inspector names, linked cases, and whether the caller may edit it. */
export async function getInspection({ db, actor }: { db: Db; actor: Actor }, input: { id: number }) {
  const { unit } = await loadInspectionInScope(db, actor, input.id, "read");
  const [row] = await db
    .select(listedInspection)
    .from(inspections)
    .innerJoin(units, eq(units.id, inspections.unitId))
    .innerJoin(users, eq(users.id, inspections.inspectorId))
    .where(eq(inspections.id, input.id))
    .limit(1);
  return { ...row!, canWrite: canAccess(actor, unit, "case") };
}
