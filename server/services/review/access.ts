import "server-only";
import type { Db, Tx } from "~/db/client";
import type { ReviewMeeting, Unit } from "~/db/schema";
import { forbidden } from "~/server/errors";
import { assertUnitInScope, loadInScope, readsReviews, type Actor } from "~/server/scope";
import { m } from "~/lib/server-message";

/**
 * Who may see or run review meetings (server/scope.ts): reading is "reviewRead" on the subtree
 * root (leaders, reviewers, admins — never staff), chairing is "review" (leaders and reviewers in
 * their subtree, admins everywhere).
 */
export async function assertReviewScope(db: Db | Tx, actor: Actor, unitId: number, access: "reviewRead" | "review"): Promise<Unit> {
  if (!readsReviews(actor)) throw forbidden(m("review.reviewMeetingsAreNotOpenTo"));
  return assertUnitInScope(db, actor, unitId, access);
}

/**
 * Loads a review meeting and checks the actor's access to its subtree root as it is now
 * (scope.ts `loadInScope`): one the caller may not read ("reviewRead", so staff never) answers
 * exactly like an unknown id; one they may read but not run is FORBIDDEN.
 */
export async function loadReviewInScope(
  db: Db | Tx,
  actor: Actor,
  id: number,
  access: "reviewRead" | "review",
): Promise<{ meeting: ReviewMeeting; root: Unit }> {
  const { row, unit } = await loadInScope(db, actor, "review", id, access);
  return { meeting: row, root: unit };
}

export const statusZh = { planned: "筹备中", running: "审议中", closed: "已闭会" } as const;
