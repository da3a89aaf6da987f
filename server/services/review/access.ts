import { eq } from "drizzle-orm";
import type { Db, Tx } from "~/db/client";
import { reviewMeetings, type ReviewMeeting, type Unit } from "~/db/schema";
import { forbidden, notFound } from "~/server/errors";
import { assertUnitInScope, readsOnlyOwnUnit, type Actor } from "~/server/scope";

/**
 * Who may see or run review meetings: reading needs read access to the subtree root (leaders,
 * reviewers, admins), writing the same access as accountability cases ("case": reviewers in
 * their subtree, admins). Staff, who read only their own unit, never see them.
 */
export async function assertReviewScope(db: Db | Tx, actor: Actor, unitId: number, access: "read" | "case"): Promise<Unit> {
  if (readsOnlyOwnUnit(actor)) throw forbidden("填报员无权查看问责审议（review meetings are not open to staff）");
  return assertUnitInScope(db, actor, unitId, access);
}

/** Loads a review meeting and checks the actor's access to its subtree root; NOT_FOUND / FORBIDDEN otherwise. */
export async function loadReviewInScope(
  db: Db | Tx,
  actor: Actor,
  id: number,
  access: "read" | "case",
): Promise<{ meeting: ReviewMeeting; root: Unit }> {
  if (readsOnlyOwnUnit(actor)) throw forbidden("填报员无权查看问责审议（review meetings are not open to staff）");
  const [meeting] = await db.select().from(reviewMeetings).where(eq(reviewMeetings.id, id)).limit(1);
  if (!meeting) throw notFound(`审议会不存在（review meeting ${id} not found）`);
  const root = await assertUnitInScope(db, actor, meeting.unitId, access);
  return { meeting, root };
}

export const statusZh = { planned: "筹备中", running: "审议中", closed: "已闭会" } as const;
