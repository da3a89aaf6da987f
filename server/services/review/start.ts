import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "~/db/client";
import { reviewMeetings } from "~/db/schema";
import { conflict, preconditionFailed } from "~/server/errors";
import type { Actor } from "~/server/scope";
import { writeAudit } from "~/server/services/audit/write";
import { todayInChina } from "~/server/services/meeting/schemas";
import { loadReviewInScope } from "./access";
import { m } from "~/lib/server-message";

/** `review.start`: the meeting opens (筹备中 → 审议中), held today (Beijing), with who attends; decisions can then be recorded. */
export async function startReview(
  { db, actor }: { db: Db; actor: Actor },
  input: { id: number; attendees?: string },
  today = todayInChina(),
) {
  const { meeting, root } = await loadReviewInScope(db, actor, input.id, "review");
  if (meeting.status !== "planned") {
    throw preconditionFailed(meeting.status === "running" ? m("review.theMeetingIsAlreadyRunning") : m("review.theMeetingIsClosed"));
  }
  return db.transaction(async (tx) => {
    const [started] = await tx
      .update(reviewMeetings)
      .set({
        status: "running",
        heldOn: today,
        attendees: input.attendees ?? meeting.attendees,
        version: sql`${reviewMeetings.version} + 1`,
      })
      .where(and(eq(reviewMeetings.id, meeting.id), eq(reviewMeetings.status, "planned")))
      .returning();
    if (!started) throw conflict(m("review.startedMeanwhile"));
    await writeAudit(tx, actor, {
      action: "review.start",
      entity: "review_meeting",
      entityId: meeting.id,
      unitId: root.id,
      before: { status: meeting.status, attendees: meeting.attendees },
      after: { status: started.status, heldOn: started.heldOn, attendees: started.attendees },
    });
    return { status: started.status, heldOn: started.heldOn, attendees: started.attendees, version: started.version };
  });
}
