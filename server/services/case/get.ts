import "server-only";
import { asc, eq } from "drizzle-orm";
import { caseTransitions } from "~/lib/status";
import { isItemOverdue } from "~/lib/rectification";
import type { Db } from "~/db/client";
import { caseEvents, inspections, meetings, rectificationItems, reports, users } from "~/db/schema";
import { canAccess, type Actor } from "~/server/scope";
import { todayInChina } from "~/server/services/meeting/schemas";
import { loadCaseInScope } from "./load";

/** `case.get`: one case with its timeline and items (each with `overdue`), and what the caller may do. */
export async function getCase({ db, actor }: { db: Db; actor: Actor }, input: { id: number }, today = todayInChina()) {
  const { row, unit } = await loadCaseInScope(db, actor, input.id, "read");
  const timeline = await db
    .select({
      id: caseEvents.id,
      at: caseEvents.at,
      actorName: users.displayName,
      fromStatus: caseEvents.fromStatus,
      toStatus: caseEvents.toStatus,
      comment: caseEvents.comment,
    })
    .from(caseEvents)
    .leftJoin(users, eq(users.id, caseEvents.actorId))
    .where(eq(caseEvents.caseId, row.id))
    .orderBy(asc(caseEvents.at), asc(caseEvents.id));
  const items = (
    await db
      .select()
      .from(rectificationItems)
      .where(eq(rectificationItems.caseId, row.id))
      .orderBy(asc(rectificationItems.deadline), asc(rectificationItems.id))
  ).map((i) => ({ ...i, overdue: isItemOverdue(i, today) }));
  const openItems = items.filter((i) => !i.doneAt).length;
  // Offer only moves the server would accept (decided → closed only without items).
  const nextStatuses = caseTransitions[row.status].filter(
    (to) => to !== "closed" || (openItems === 0 && (row.status !== "decided" || items.length === 0)),
  );
  const canWrite = canAccess(actor, unit, "case");
  // The source record's quarter, so the case page can link straight to it (meetings, report, inspections page).
  const sourceTable =
    row.sourceType === "flag" || row.sourceType === "meeting"
      ? meetings
      : row.sourceType === "report"
        ? reports
        : row.sourceType === "inspection"
          ? inspections
          : null;
  const [source] =
    sourceTable && row.sourceId
      ? await db.select({ quarter: sourceTable.quarter }).from(sourceTable).where(eq(sourceTable.id, row.sourceId)).limit(1)
      : [];
  return {
    ...row,
    unitName: unit.name,
    sourceQuarter: source?.quarter ?? null,
    timeline,
    items,
    openItems,
    overdueItems: items.filter((i) => i.overdue).length,
    canWrite,
    /** `case.update` accepts edits until the decision. */
    canEdit: canWrite && (row.status === "opened" || row.status === "investigating"),
    nextStatuses: canWrite ? nextStatuses : [],
  };
}
