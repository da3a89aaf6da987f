import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "~/db/client";
import { reviewAgendaItems } from "~/db/schema";
import { preconditionFailed } from "~/server/errors";
import type { Actor } from "~/server/scope";
import { saveComment } from "~/server/services/assessment/comment-save";
import { writeAudit } from "~/server/services/audit/write";
import { loadReviewInScope, statusZh } from "./access";
import { lockRunningAgendaItem } from "./agenda-item";
import type { SaveNoteInput } from "./schemas";
import { m } from "~/lib/server-message";

/**
 * `review.saveNote`: the note on one agenda unit, saved as the chair types it (the page saves
 * it debounced and on every slide change or exit), before or after the decision and without
 * changing it. Only while the meeting runs, like decisions. An unchanged note writes nothing.
 * At a 述职评议会 the note is also the unit's comment (点评) of the year.
 */
export async function saveNote({ db, actor }: { db: Db; actor: Actor }, input: SaveNoteInput) {
  const { meeting, root } = await loadReviewInScope(db, actor, input.id, "review");
  if (meeting.status !== "running") {
    throw preconditionFailed(m("review.notesAreRecordedWhileTheMeeting", { statusZh: statusZh[meeting.status] }));
  }
  return db.transaction(async (tx) => {
    const item = await lockRunningAgendaItem(tx, actor, meeting.id, input.unitId);
    if (item.decisionNote === input.note) return { unitId: item.unitId, note: item.decisionNote, changed: false };
    await tx.update(reviewAgendaItems).set({ decisionNote: input.note }).where(eq(reviewAgendaItems.id, item.id));
    // A 述职评议会's note is the comment (点评) on the unit's year: written through the comment's one
    // service, its items left as they are. An emptied note keeps the comment (one is never blank).
    if (meeting.kind === "duty_review" && meeting.year !== null && input.note !== "") {
      await saveComment({ db: tx, actor }, { year: meeting.year, unitId: item.unitId, text: input.note });
    }
    await writeAudit(tx, actor, {
      action: "review.saveNote",
      entity: "review_meeting",
      entityId: meeting.id,
      unitId: root.id,
      before: { unitId: item.unitId, note: item.decisionNote },
      after: { unitId: item.unitId, note: input.note },
    });
    return { unitId: item.unitId, note: input.note, changed: true };
  });
}
