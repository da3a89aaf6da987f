import type { Db } from "~/db/client";
import type { Actor } from "~/server/scope";
import { writeAudit } from "~/server/services/audit/write";
import { endUserSessions } from "./sessions";

/** “在所有设备上退出登录”: ends every open session of the caller, this one included, in one audited step. */
export async function signOutEverywhere(db: Db, actor: Pick<Actor, "id" | "unitId">): Promise<{ sessionsEnded: number }> {
  return db.transaction(async (tx) => {
    const sessionsEnded = await endUserSessions(tx, actor.id, "signOutEverywhere");
    await writeAudit(tx, actor, {
      action: "auth.signOutEverywhere",
      entity: "user",
      entityId: actor.id,
      unitId: actor.unitId,
      after: { sessionsEnded },
    });
    return { sessionsEnded };
  });
}
