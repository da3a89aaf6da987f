import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "~/db/client";
import { reviewAgendaItems } from "~/db/schema";
import { badInput, preconditionFailed } from "~/server/errors";
import type { Actor } from "~/server/scope";
import { writeAudit } from "~/server/services/audit/write";
import { checkFormFitsSubject, createCase } from "~/server/services/case/create";
import { loadReviewInScope, statusZh } from "./access";
import { lockRunningAgendaItem } from "./agenda-item";
import type { DecideInput } from "./schemas";
import { m } from "~/lib/server-message";

/**
 * `review.decide`: records the decision on one unit while the meeting runs — 不作处理, 约谈提醒,
 * 督办, or 立案问责, which opens the case (through `createCase`, so with its validation: the form
 * must fit the subject) linked to the meeting, in the same transaction. An item that already
 * opened a case keeps it: deciding 立案问责 again only updates the note (no case details needed),
 * and it cannot be turned into another decision (the case would be left without its reason).
 */
export async function decideReview({ db, actor }: { db: Db; actor: Actor }, input: DecideInput) {
  const { meeting, root } = await loadReviewInScope(db, actor, input.id, "review");
  if (meeting.status !== "running") {
    throw preconditionFailed(m("review.decisionsAreRecordedWhileTheMeeting", { statusZh: statusZh[meeting.status] }));
  }
  if (input.decision !== "case" && input.case) throw badInput({ case: m("review.caseDetailsBelongToACase") });
  if (input.case) checkFormFitsSubject(input.case);

  return db.transaction(async (tx) => {
    const item = await lockRunningAgendaItem(tx, actor, meeting.id, input.unitId);
    if (item.caseId !== null && input.decision !== "case") {
      throw preconditionFailed(m("review.aCaseWasOpenedOnThis", { unitName: item.unitName, caseId: item.caseId }));
    }
    let caseId = item.caseId;
    if (input.decision === "case" && caseId === null) {
      if (!input.case) throw badInput({ case: m("review.caseDetailsAreRequired") });
      // Tx is a Db too: createCase's own transaction becomes a savepoint of this one.
      ({ id: caseId } = await createCase(
        { db: tx, actor },
        { unitId: item.unitId, ...input.case, sourceType: "review_meeting", sourceId: meeting.id },
        "review",
      ));
    }
    const [decided] = await tx
      .update(reviewAgendaItems)
      .set({ decision: input.decision, decisionNote: input.note, caseId, decidedAt: new Date(), decidedBy: actor.id })
      .where(eq(reviewAgendaItems.id, item.id))
      .returning();
    await writeAudit(tx, actor, {
      action: "review.decide",
      entity: "review_meeting",
      entityId: meeting.id,
      unitId: root.id,
      before: { unitId: item.unitId, decision: item.decision, note: item.decisionNote, caseId: item.caseId },
      after: { unitId: item.unitId, decision: decided!.decision, note: decided!.decisionNote, caseId },
    });
    return { unitId: item.unitId, decision: decided!.decision!, note: decided!.decisionNote, caseId, caseCreated: caseId !== item.caseId };
  });
}
