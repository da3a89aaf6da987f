import { eq } from "drizzle-orm";
import type { Db, Tx } from "~/db/client";
import { meetings, units } from "~/db/schema";
import { forbidden, notFound } from "~/server/errors";
import { canAccess, type Access, type Actor } from "~/server/scope";

/**
 * A meeting and its unit, if the actor may `access` that unit. A meeting the caller may not
 * even read is NOT_FOUND (its existence is private); one they may read but not change is
 * FORBIDDEN, which tells them why.
 */
export async function loadMeetingInScope(db: Db | Tx, actor: Actor, id: number, access: Access) {
  const [row] = await db
    .select({ meeting: meetings, unit: units })
    .from(meetings)
    .innerJoin(units, eq(units.id, meetings.unitId))
    .where(eq(meetings.id, id))
    .limit(1);
  if (!row || !canAccess(actor, row.unit, "read")) throw notFound(`会议记录不存在或无权查看（meeting ${id} not found）`);
  if (!canAccess(actor, row.unit, access)) throw forbidden("无权修改该单位的会议记录（outside your scope）");
  return row;
}
