import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "~/db/client";
import { assessmentGrades, reviewAgendaItems, reviewMeetings, units } from "~/db/schema";
import { conflict, preconditionFailed } from "~/server/errors";
import { canAccess, type Actor } from "~/server/scope";
import { writeAudit } from "~/server/services/audit/write";
import { loadReviewInScope } from "./access";
import { m } from "~/lib/server-message";

/** `review.close`: the meeting ends (审议中 → 已闭会) once every unit on the agenda has a decision (a 述职评议会: a grade proposal). */
export async function closeReview({ db, actor }: { db: Db; actor: Actor }, input: { id: number }) {
  const { meeting, root } = await loadReviewInScope(db, actor, input.id, "review");
  if (meeting.status !== "running") {
    throw preconditionFailed(meeting.status === "planned" ? m("review.theMeetingHasNotStarted") : m("review.theMeetingIsAlreadyClosed"));
  }
  return db.transaction(async (tx) => {
    // Taking the meeting row first makes a decision recorded meanwhile wait for (or see) the close.
    const [locked] = await tx.select().from(reviewMeetings).where(eq(reviewMeetings.id, meeting.id)).for("update");
    if (locked?.status !== "running") throw conflict(m("review.theMeetingChangedMeanwhile"));
    // Units moved out of the chair's reach since the agenda was built are no longer theirs to decide.
    // A 述职评议会's unit is settled by its grade proposal (assessment_grades.proposed), a 问责审议会's by its decision.
    const duty = meeting.kind === "duty_review" && meeting.year !== null;
    const undecided = await tx
      .select({ unitId: units.id, path: units.path })
      .from(reviewAgendaItems)
      .innerJoin(units, eq(units.id, reviewAgendaItems.unitId))
      .leftJoin(assessmentGrades, and(eq(assessmentGrades.unitId, reviewAgendaItems.unitId), eq(assessmentGrades.year, meeting.year ?? 0)))
      .where(
        and(eq(reviewAgendaItems.meetingId, meeting.id), duty ? isNull(assessmentGrades.proposed) : isNull(reviewAgendaItems.decision)),
      );
    const open = undecided.filter((u) => canAccess(actor, { id: u.unitId, path: u.path }, "review")).length;
    if (open > 0) throw preconditionFailed(duty ? m("dutyReview.unitsStillUngraded", { open }) : m("review.unitSStillUndecided", { open }));
    const [closed] = await tx
      .update(reviewMeetings)
      .set({ status: "closed", closedAt: new Date(), version: sql`${reviewMeetings.version} + 1` })
      .where(eq(reviewMeetings.id, meeting.id))
      .returning();
    await writeAudit(tx, actor, {
      action: "review.close",
      entity: "review_meeting",
      entityId: meeting.id,
      unitId: root.id,
      before: { status: "running" },
      after: { status: "closed", closedAt: closed!.closedAt },
    });
    return { status: closed!.status, closedAt: closed!.closedAt, version: closed!.version };
  });
}
