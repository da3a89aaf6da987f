import "server-only";
import type { Db } from "~/db/client";
import { reviewAgendaItems, reviewMeetings, type ReviewMeeting } from "~/db/schema";
import type { Actor } from "~/server/scope";
import { writeAudit } from "~/server/services/audit/write";
import type { AgendaReason } from "./reasons";

type NewMeeting = Pick<typeof reviewMeetings.$inferInsert, "unitId" | "kind" | "year" | "quarter" | "title" | "attendees">;
export type NewAgendaItem = { unitId: number; reasons: AgendaReason[]; addedByChair: boolean };

/**
 * Stores a new review meeting of either kind, chaired by its creator, with its agenda in order,
 * and the audit row `action` whose `after` is made from the stored meeting — in one transaction.
 */
export function insertReviewMeeting(
  { db, actor }: { db: Db; actor: Actor },
  values: NewMeeting,
  agenda: NewAgendaItem[],
  audit: { action: string; after: (meeting: ReviewMeeting) => Record<string, unknown> },
) {
  return db.transaction(async (tx) => {
    const [meeting] = await tx
      .insert(reviewMeetings)
      .values({ ...values, attendees: values.attendees ?? "", chairId: actor.id, createdBy: actor.id })
      .returning();
    if (!meeting) throw new Error("review meeting insert returned no row");
    await tx.insert(reviewAgendaItems).values(agenda.map((a, i) => ({ meetingId: meeting.id, position: i + 1, ...a })));
    await writeAudit(tx, actor, {
      action: audit.action,
      entity: "review_meeting",
      entityId: meeting.id,
      unitId: values.unitId,
      after: audit.after(meeting),
    });
    return { id: meeting.id, version: meeting.version };
  });
}
