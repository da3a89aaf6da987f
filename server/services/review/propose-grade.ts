import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "~/db/client";
import { reviewAgendaItems } from "~/db/schema";
import { m } from "~/lib/server-message";
import { preconditionFailed } from "~/server/errors";
import type { Actor } from "~/server/scope";
import { proposeGrade } from "~/server/services/assessment/grade-propose";
import { writeAudit } from "~/server/services/audit/write";
import { loadReviewInScope, statusZh } from "./access";
import { lockRunningAgendaItem } from "./agenda-item";
import type { ProposeGradeInput } from "./schemas";

/**
 * `review.proposeGrade`: the grade a running 述职评议会 proposes for a unit on its agenda (keys
 * 1–4 on the slide; another key replaces it). Written through `assessment.proposeGrade`'s
 * service — the one home of assessment_grades.proposed, with its checks (the chair must assess
 * the unit: the level above, never the unit itself; the cycle open or rating) — in the same
 * transaction that marks the agenda item as settled (when, by whom).
 */
export async function proposeReviewGrade({ db, actor }: { db: Db; actor: Actor }, input: ProposeGradeInput) {
  const { meeting, root } = await loadReviewInScope(db, actor, input.id, "review");
  if (meeting.kind !== "duty_review" || meeting.year === null) throw preconditionFailed(m("dutyReview.notADutyReview"));
  if (meeting.status !== "running") {
    throw preconditionFailed(m("dutyReview.gradesAreProposedWhileTheMeeting", { statusZh: statusZh[meeting.status] }));
  }
  const year = meeting.year;
  return db.transaction(async (tx) => {
    const item = await lockRunningAgendaItem(tx, actor, meeting.id, input.unitId);
    // Tx is a Db too: proposeGrade's own transaction becomes a savepoint of this one.
    const { proposed } = await proposeGrade({ db: tx, actor }, { year, unitId: item.unitId, grade: input.grade });
    await tx.update(reviewAgendaItems).set({ decidedAt: new Date(), decidedBy: actor.id }).where(eq(reviewAgendaItems.id, item.id));
    await writeAudit(tx, actor, {
      action: "review.proposeGrade",
      entity: "review_meeting",
      entityId: meeting.id,
      unitId: root.id,
      after: { unitId: item.unitId, year, grade: proposed },
    });
    return { unitId: item.unitId, grade: proposed };
  });
}
