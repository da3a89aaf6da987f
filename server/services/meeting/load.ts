import "server-only";
import type { Db, Tx } from "~/db/client";
import { loadInScope, type Access, type Actor } from "~/server/scope";

/**
 * A meeting and its unit, if the actor may `access` that unit. A meeting the caller may not
 * even read is NOT_FOUND, like an unknown id (its existence is private); one they may read but
 * not change is FORBIDDEN, which tells them why.
 */
export async function loadMeetingInScope(db: Db | Tx, actor: Actor, id: number, access: Access) {
  const { row, unit } = await loadInScope(db, actor, "meeting", id, access);
  return { meeting: row, unit };
}
