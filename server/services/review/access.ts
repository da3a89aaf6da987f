import { eq } from "drizzle-orm";
import type { Db, Tx } from "~/db/client";
import { reviewMeetings, units, type ReviewMeeting, type Unit } from "~/db/schema";
import { forbidden, notFound } from "~/server/errors";
import { assertUnitInScope, canAccess, readsReviews, type Actor } from "~/server/scope";
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

const unknownMeeting = (id: number) => notFound(m("review.reviewMeetingNotFound", { id }));

/**
 * Loads a review meeting and checks the actor's access to its subtree root as it is now. A
 * meeting the caller may not read answers exactly like an unknown id (NOT_FOUND, same message),
 * so ids of other branches' meetings reveal nothing; one they may read but not run is FORBIDDEN.
 */
export async function loadReviewInScope(
  db: Db | Tx,
  actor: Actor,
  id: number,
  access: "reviewRead" | "review",
): Promise<{ meeting: ReviewMeeting; root: Unit }> {
  if (!readsReviews(actor)) throw unknownMeeting(id);
  const [row] = await db
    .select({ meeting: reviewMeetings, root: units })
    .from(reviewMeetings)
    .innerJoin(units, eq(units.id, reviewMeetings.unitId))
    .where(eq(reviewMeetings.id, id))
    .limit(1);
  if (!row || !canAccess(actor, row.root, "reviewRead")) throw unknownMeeting(id);
  if (!canAccess(actor, row.root, access)) throw forbidden(m("review.youMayNotRunThisReview"));
  return row;
}

export const statusZh = { planned: "筹备中", running: "审议中", closed: "已闭会" } as const;
