import "server-only";
import type { Db } from "~/db/client";
import { m } from "~/lib/server-message";
import { badInput } from "~/server/errors";
import type { Actor } from "~/server/scope";
import { assertReviewScope } from "./access";
import { checkDistinct } from "./create";
import { insertReviewMeeting } from "./insert-meeting";
import { checkDutyUnits, checkDutyYear, dutyAgendaUnits, dutyMeetingQuarter } from "./duty-agenda";
import type { CreateDutyInput } from "./schemas";

/**
 * `review.createDuty`: a leader or reviewer (in their subtree) or an admin convenes a 述职评议会
 * (kind duty_review) on a subtree for an assessment year whose cycle is open or rating: one
 * slide per secretary. The agenda is the units given in order, or every graded unit of the
 * subtree with a secretary in post; units without one are marked as added by the chair.
 */
export async function createDutyReview({ db, actor }: { db: Db; actor: Actor }, input: CreateDutyInput) {
  const root = await assertReviewScope(db, actor, input.unitId, "review");
  await checkDutyYear(db, input.year);
  const proposed = await dutyAgendaUnits(db, actor, root, { withSecretary: true });
  let unitIds: number[];
  if (input.unitIds) {
    checkDistinct(input.unitIds, "unitIds");
    await checkDutyUnits(db, actor, root, input.unitIds, "unitIds");
    unitIds = input.unitIds;
  } else {
    if (proposed.length === 0) throw badInput({ unitIds: m("dutyReview.noSecretaries", { name: root.name }) });
    unitIds = proposed.map((p) => p.unitId);
  }
  const agenda = unitIds.map((unitId) => ({ unitId, reasons: [], addedByChair: !proposed.some((p) => p.unitId === unitId) }));

  return insertReviewMeeting(
    { db, actor },
    {
      unitId: root.id,
      kind: "duty_review",
      year: input.year,
      quarter: dutyMeetingQuarter(input.year),
      title: input.title,
      attendees: input.attendees,
    },
    agenda,
    {
      action: "review.createDuty",
      after: (meeting) => ({ kind: meeting.kind, year: meeting.year, title: meeting.title, attendees: meeting.attendees, units: unitIds }),
    },
  );
}
