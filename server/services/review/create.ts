import "server-only";
import type { Db } from "~/db/client";
import { badInput } from "~/server/errors";
import type { Actor } from "~/server/scope";
import { assertReviewScope } from "./access";
import { checkQuarterStarted, proposeFor } from "./propose";
import { unitsInSubtree } from "./proposal-queries";
import { insertReviewMeeting, type NewAgendaItem } from "./insert-meeting";
import type { CreateReviewInput } from "./schemas";
import { m } from "~/lib/server-message";

/** Refuses a unit listed twice; `field` names the input the message belongs to. */
export function checkDistinct(unitIds: number[], field: string) {
  const dup = unitIds.find((id, i) => unitIds.indexOf(id) !== i);
  if (dup !== undefined) throw badInput({ [field]: m("review.unitIsListedTwice", { dup }) });
}

/** Refuses units that are not active units of the meeting's subtree; returns their names. */
export async function checkInSubtree(db: Db, root: { path: string; name: string }, unitIds: number[], field: string) {
  const names = await unitsInSubtree(db, root, unitIds);
  const outside = unitIds.find((id) => !names.has(id));
  if (outside !== undefined) {
    throw badInput({ [field]: m("review.unitIsOutsideTheMeetingSubtree", { outside, name: root.name }) });
  }
  return names;
}

/**
 * `review.create`: a leader or reviewer (in their subtree) or an admin convenes a review meeting on a
 * subtree and quarter, with the proposed agenda or the units given in order. Units not in the
 * proposal are marked as added by the chair. The creator chairs.
 */
export async function createReview({ db, actor }: { db: Db; actor: Actor }, input: CreateReviewInput) {
  const root = await assertReviewScope(db, actor, input.unitId, "review");
  checkQuarterStarted(input.quarter);
  const proposal = await proposeFor(db, actor, root, input.quarter, { include: input.include });
  const proposed = new Map(proposal.items.map((i) => [i.unitId, i.reasons]));
  let agenda: NewAgendaItem[];
  if (input.unitIds) {
    checkDistinct(input.unitIds, "unitIds");
    await checkInSubtree(db, root, input.unitIds, "unitIds");
    agenda = input.unitIds.map((unitId) => ({ unitId, reasons: proposed.get(unitId) ?? [], addedByChair: !proposed.has(unitId) }));
  } else {
    if (proposal.items.length === 0) {
      throw badInput({ unitIds: m("review.nothingProposedChooseTheUnits") });
    }
    agenda = proposal.items.map((i) => ({ unitId: i.unitId, reasons: i.reasons, addedByChair: false }));
  }

  return insertReviewMeeting(
    { db, actor },
    { unitId: root.id, quarter: input.quarter, title: input.title, attendees: input.attendees },
    agenda,
    {
      action: "review.create",
      after: (meeting) => ({
        quarter: meeting.quarter,
        title: meeting.title,
        attendees: meeting.attendees,
        units: agenda.map((a) => a.unitId),
        include: proposal.include,
      }),
    },
  );
}
