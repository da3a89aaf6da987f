import "server-only";
import { asc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "~/db/client";
import { cases, reviewAgendaItems, units, users } from "~/db/schema";
import { canAccess, type Actor } from "~/server/scope";
import { todayInChina } from "~/server/services/meeting/schemas";
import { loadReviewInScope } from "./access";
import type { AgendaReason } from "./reasons";
import { dutySlidesFor } from "./duty-slides";
import { slidesFor } from "./slides";

/**
 * `review.get`: a meeting with its agenda in order — each unit's reasons, decision (with the
 * case it opened) and the data of its slide (for a 述职评议会 also `duty`: the secretary's year),
 * for the units the reader may read now; `canWrite` says whether the caller may chair it.
 */
export async function getReview({ db, actor }: { db: Db; actor: Actor }, input: { id: number }, today = todayInChina()) {
  const { meeting, root } = await loadReviewInScope(db, actor, input.id, "reviewRead");
  const decider = alias(users, "decider");
  const [chair] = meeting.chairId ? await db.select({ name: users.displayName }).from(users).where(eq(users.id, meeting.chairId)) : [];
  const rows = await db
    .select({
      id: reviewAgendaItems.id,
      unitId: reviewAgendaItems.unitId,
      unitName: units.name,
      unitPath: units.path,
      position: reviewAgendaItems.position,
      reasons: reviewAgendaItems.reasons,
      addedByChair: reviewAgendaItems.addedByChair,
      decision: reviewAgendaItems.decision,
      decisionNote: reviewAgendaItems.decisionNote,
      caseId: reviewAgendaItems.caseId,
      caseStatus: cases.status,
      decidedAt: reviewAgendaItems.decidedAt,
      decidedByName: decider.displayName,
    })
    .from(reviewAgendaItems)
    .innerJoin(units, eq(units.id, reviewAgendaItems.unitId))
    .leftJoin(cases, eq(cases.id, reviewAgendaItems.caseId))
    .leftJoin(decider, eq(decider.id, reviewAgendaItems.decidedBy))
    .where(eq(reviewAgendaItems.meetingId, meeting.id))
    .orderBy(asc(reviewAgendaItems.position), asc(reviewAgendaItems.id));
  // Reach is judged now, on each unit's current place in the tree: a unit moved out of the
  // reader's subtree since the agenda was built is left out with its scores, cases and notes.
  const visible = rows.filter((r) => canAccess(actor, { id: r.unitId, path: r.unitPath }, "reviewRead"));
  const unitIds = visible.map((r) => r.unitId);
  const [slides, duty] = await Promise.all([
    slidesFor(db, actor, root, meeting.quarter, unitIds, today),
    // A 述职评议会 (duty_review) adds each secretary's year to the unit's slide.
    meeting.kind === "duty_review" && meeting.year !== null ? dutySlidesFor(db, actor, root, meeting.year, unitIds) : null,
  ]);
  return {
    ...meeting,
    unitName: root.name,
    chairName: chair?.name ?? null,
    canWrite: canAccess(actor, root, "review"),
    /** Agenda units now outside the reader's reach (moved away): counted, never shown. */
    outOfReach: rows.length - visible.length,
    items: visible.map(({ unitPath: _path, ...r }) => ({
      ...r,
      reasons: r.reasons as AgendaReason[],
      slide: slides.get(r.unitId)!,
      duty: duty?.get(r.unitId) ?? null,
    })),
  };
}
