import "server-only";
import { and, eq, inArray, ne, sql } from "drizzle-orm";
import type { Db } from "~/db/client";
import { reviewAgendaItems, reviewMeetings, units } from "~/db/schema";
import { badInput, conflict, preconditionFailed } from "~/server/errors";
import { canAccess, type Actor } from "~/server/scope";
import { writeAudit } from "~/server/services/audit/write";
import { loadReviewInScope } from "./access";
import { checkDistinct, checkInSubtree } from "./create";
import { checkDutyUnits, dutyAgendaUnits } from "./duty-agenda";
import { proposeFor } from "./propose";
import type { AgendaReason } from "./reasons";
import type { UpdateAgendaInput } from "./schemas";
import { m } from "~/lib/server-message";

/**
 * `review.updateAgenda`: the chair reorders, adds or drops units (until the meeting closes).
 * Added units must lie in the meeting's subtree; one the proposal (approved scores, as now)
 * would list gets its reasons, any other is marked as added by the chair (a 述职评议会: units it
 * may hear, marked when they have no secretary in post). A unit already
 * decided on stays. Version-checked: a stale agenda gets CONFLICT.
 */
export async function updateAgenda({ db, actor }: { db: Db; actor: Actor }, input: UpdateAgendaInput) {
  const { meeting, root } = await loadReviewInScope(db, actor, input.id, "review");
  if (meeting.status === "closed") throw preconditionFailed(m("review.closedAgendaLocked"));
  const ids = input.items.map((i) => i.unitId);
  checkDistinct(ids, "items");
  const current = await db
    .select({ unitId: reviewAgendaItems.unitId })
    .from(reviewAgendaItems)
    .where(eq(reviewAgendaItems.meetingId, meeting.id));
  const added = ids.filter((id) => !current.some((c) => c.unitId === id));
  const proposed = new Map<number, AgendaReason[]>();
  if (meeting.kind === "duty_review") {
    // A 述职评议会 hears the graded units the chair assesses; those with a secretary in post are the proposal.
    await checkDutyUnits(db, actor, root, added, "items");
    if (added.length > 0)
      for (const u of await dutyAgendaUnits(db, actor, root, { unitIds: added, withSecretary: true })) proposed.set(u.unitId, []);
  } else {
    await checkInSubtree(db, root, added, "items");
    if (added.length > 0) for (const i of (await proposeFor(db, actor, root, meeting.quarter)).items) proposed.set(i.unitId, i.reasons);
  }

  return db.transaction(async (tx) => {
    const [bumped] = await tx
      .update(reviewMeetings)
      .set({ version: sql`${reviewMeetings.version} + 1` })
      .where(and(eq(reviewMeetings.id, meeting.id), eq(reviewMeetings.version, input.version), ne(reviewMeetings.status, "closed")))
      .returning({ version: reviewMeetings.version, status: reviewMeetings.status });
    if (!bumped) {
      const [now] = await tx.select({ status: reviewMeetings.status }).from(reviewMeetings).where(eq(reviewMeetings.id, meeting.id));
      if (now?.status === "closed") throw preconditionFailed(m("review.closedAgendaLocked"));
      throw conflict(m("review.theAgendaChangedMeanwhileReload"));
    }
    // The version check above guarantees membership is as read; decisions may have moved on.
    const items = await tx
      .select({
        id: reviewAgendaItems.id,
        unitId: reviewAgendaItems.unitId,
        position: reviewAgendaItems.position,
        decision: reviewAgendaItems.decision,
        unitName: units.name,
        unitPath: units.path,
      })
      .from(reviewAgendaItems)
      .innerJoin(units, eq(units.id, reviewAgendaItems.unitId))
      .where(eq(reviewAgendaItems.meetingId, meeting.id))
      .for("update", { of: reviewAgendaItems });
    // Units moved out of the caller's reach are not theirs to drop or reorder: they stay, after the rest.
    const hidden = items
      .filter((i) => !canAccess(actor, { id: i.unitId, path: i.unitPath }, "review"))
      .sort((a, b) => a.position - b.position);
    const dropped = items.filter((i) => !ids.includes(i.unitId) && !hidden.includes(i));
    const decided = dropped.find((i) => i.decision !== null);
    if (decided) throw preconditionFailed(m("review.aUnitAlreadyDecidedOnCannot", { unitName: decided.unitName }));
    if (dropped.length > 0)
      await tx.delete(reviewAgendaItems).where(
        inArray(
          reviewAgendaItems.id,
          dropped.map((d) => d.id),
        ),
      );
    for (const [i, unitId] of ids.entries()) {
      const item = items.find((x) => x.unitId === unitId);
      if (item && item.position !== i + 1)
        await tx
          .update(reviewAgendaItems)
          .set({ position: i + 1 })
          .where(eq(reviewAgendaItems.id, item.id));
    }
    const named = hidden.find((h) => ids.includes(h.unitId));
    if (named) {
      throw badInput({
        items: m("review.agendaUnitOutsideSubtree", { unitId: named.unitId, name: root.name }),
      });
    }
    for (const [i, item] of hidden.entries()) {
      const position = ids.length + i + 1;
      if (item.position !== position) await tx.update(reviewAgendaItems).set({ position }).where(eq(reviewAgendaItems.id, item.id));
    }
    const fresh = ids.filter((id) => !items.some((x) => x.unitId === id));
    if (fresh.length > 0) {
      await tx.insert(reviewAgendaItems).values(
        fresh.map((unitId) => ({
          meetingId: meeting.id,
          unitId,
          position: ids.indexOf(unitId) + 1,
          reasons: proposed.get(unitId) ?? [],
          addedByChair: !proposed.has(unitId),
        })),
      );
    }
    await writeAudit(tx, actor, {
      action: "review.updateAgenda",
      entity: "review_meeting",
      entityId: meeting.id,
      unitId: root.id,
      before: { version: input.version, units: [...items].sort((a, b) => a.position - b.position).map((i) => i.unitId) },
      after: { version: bumped.version, units: ids, added: fresh, dropped: dropped.map((d) => d.unitId) },
    });
    return { version: bumped.version };
  });
}
