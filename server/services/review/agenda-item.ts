import "server-only";
import { and, eq } from "drizzle-orm";
import type { Tx } from "~/db/client";
import { reviewAgendaItems, reviewMeetings, units } from "~/db/schema";
import { m } from "~/lib/server-message";
import { badInput, conflict } from "~/server/errors";
import { canAccess, type Actor } from "~/server/scope";

/**
 * For a write during a running meeting (a decision, a note): holds the meeting open with a shared
 * lock — writes on different units proceed together, a close waits for them — and locks the
 * agenda item of `unitId`. A unit moved out of the caller's reach since the agenda was built reads
 * as not on it.
 */
export async function lockRunningAgendaItem(tx: Tx, actor: Actor, meetingId: number, unitId: number) {
  const [locked] = await tx
    .select({ status: reviewMeetings.status })
    .from(reviewMeetings)
    .where(eq(reviewMeetings.id, meetingId))
    .for("share");
  if (locked?.status !== "running") throw conflict(m("review.closedMeanwhile"));
  const [item] = await tx
    .select({
      id: reviewAgendaItems.id,
      unitId: reviewAgendaItems.unitId,
      decision: reviewAgendaItems.decision,
      decisionNote: reviewAgendaItems.decisionNote,
      caseId: reviewAgendaItems.caseId,
      unitName: units.name,
      unitPath: units.path,
    })
    .from(reviewAgendaItems)
    .innerJoin(units, eq(units.id, reviewAgendaItems.unitId))
    .where(and(eq(reviewAgendaItems.meetingId, meetingId), eq(reviewAgendaItems.unitId, unitId)))
    .for("update", { of: reviewAgendaItems });
  if (!item || !canAccess(actor, { id: item.unitId, path: item.unitPath }, "review")) {
    throw badInput({ unitId: m("review.theUnitIsNotOnThe") });
  }
  return item;
}
