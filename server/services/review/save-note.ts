import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "~/db/client";
import { reviewAgendaItems } from "~/db/schema";
import { preconditionFailed } from "~/server/errors";
import type { Actor } from "~/server/scope";
import { writeAudit } from "~/server/services/audit/write";
import { loadReviewInScope, statusZh } from "./access";
import { lockRunningAgendaItem } from "./agenda-item";
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
    const item = await lockRunningAgendaItem(tx, actor, meeting.id, input.unitId);
    if (item.decisionNote === input.note) return { unitId: item.unitId, note: item.decisionNote, changed: false };
    await tx.update(reviewAgendaItems).set({ decisionNote: input.note }).where(eq(reviewAgendaItems.id, item.id));
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
