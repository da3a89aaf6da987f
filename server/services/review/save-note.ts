import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "~/db/client";
import { reviewAgendaItems, reviewMeetings, units } from "~/db/schema";
import { badInput, conflict, preconditionFailed } from "~/server/errors";
import { canAccess, type Actor } from "~/server/scope";
import { writeAudit } from "~/server/services/audit/write";
import { loadReviewInScope, statusZh } from "./access";
import type { SaveNoteInput } from "./schemas";
import { m } from "~/lib/server-message";

/**
 * `review.saveNote`: the note on one agenda unit, saved as the chair types it (the page saves
 * it debounced and on every slide change or exit), before or after the decision and without
 * changing it. Only while the meeting runs, like decisions. An unchanged note writes nothing.
 */
export async function saveNote({ db, actor }: { db: Db; actor: Actor }, input: SaveNoteInput) {
  const { meeting, root } = await loadReviewInScope(db, actor, input.id, "review");
  if (meeting.status !== "running") {
    throw preconditionFailed(m("review.notesAreRecordedWhileTheMeeting", { statusZh: statusZh[meeting.status] }));
  }
  return db.transaction(async (tx) => {
    const [locked] = await tx
      .select({ status: reviewMeetings.status })
      .from(reviewMeetings)
      .where(eq(reviewMeetings.id, meeting.id))
      .for("share");
    if (locked?.status !== "running") throw conflict(m("review.closedMeanwhile"));
    const [item] = await tx
      .select({ id: reviewAgendaItems.id, unitId: reviewAgendaItems.unitId, note: reviewAgendaItems.decisionNote, unitPath: units.path })
      .from(reviewAgendaItems)
      .innerJoin(units, eq(units.id, reviewAgendaItems.unitId))
      .where(and(eq(reviewAgendaItems.meetingId, meeting.id), eq(reviewAgendaItems.unitId, input.unitId)))
      .for("update", { of: reviewAgendaItems });
    if (!item || !canAccess(actor, { id: item.unitId, path: item.unitPath }, "review")) {
      throw badInput({ unitId: m("review.theUnitIsNotOnThe") });
    }
    if (item.note === input.note) return { unitId: item.unitId, note: item.note, changed: false };
    await tx.update(reviewAgendaItems).set({ decisionNote: input.note }).where(eq(reviewAgendaItems.id, item.id));
    await writeAudit(tx, actor, {
      action: "review.saveNote",
      entity: "review_meeting",
      entityId: meeting.id,
      unitId: root.id,
      before: { unitId: item.unitId, note: item.note },
      after: { unitId: item.unitId, note: input.note },
    });
    return { unitId: item.unitId, note: input.note, changed: true };
  });
}
