import "server-only";
import { and, asc, eq, inArray, isNull, notExists, sql } from "drizzle-orm";
import type { Db } from "~/db/client";
import { assessmentComments, assessmentItems, dutyReportAnswers } from "~/db/schema";
import { todayInChina } from "~/lib/beijing-day";
import { deadlineBeforeToday } from "~/lib/rectification";
import { badInput, conflict, type FieldErrors } from "~/server/errors";
import { assertUnitInScope, type Actor } from "~/server/scope";
import { writeAudit } from "~/server/services/audit/write";
import { m } from "~/lib/server-message";
import { lockEditableCycle } from "./editable-cycle";
import type { SaveCommentInput } from "./inputs-schemas";

/**
 * `assessment.saveComment` (上级点评): the level above writes its comment on a unit's year
 * (scope "assess") while the cycle is open or rating, with the problems it found as
 * rectification items (整改事项). The items given replace the year's items that are neither
 * done nor answered by a duty report yet; done or answered items stay as they are (the unit
 * has acted on them). Version-checked when the caller says which version it read.
 */
export async function saveComment(
  { db, actor }: { db: Db; actor: Actor },
  // Without `items` (the 述职评议会 typing the comment live) the year's items stay as they are.
  input: Omit<SaveCommentInput, "items"> & { items?: SaveCommentInput["items"] },
  today = todayInChina(),
) {
  const unit = await assertUnitInScope(db, actor, input.unitId, "assess");
  return db.transaction(async (tx) => {
    await lockEditableCycle(tx, input.year);
    const key = and(eq(assessmentComments.year, input.year), eq(assessmentComments.unitId, unit.id));
    const [before] = await tx.select().from(assessmentComments).where(key).for("update");
    if (input.version !== undefined && input.version !== (before?.version ?? 0)) {
      throw conflict(m("assessmentInput.commentChanged", { version: before?.version ?? 0 }));
    }
    const [after] = before
      ? await tx
          .update(assessmentComments)
          .set({ text: input.text, version: sql`${assessmentComments.version} + 1`, updatedAt: new Date(), updatedBy: actor.id })
          .where(key)
          .returning()
      : await tx
          .insert(assessmentComments)
          .values({ year: input.year, unitId: unit.id, text: input.text, updatedBy: actor.id })
          .onConflictDoNothing()
          .returning();
    if (!after) throw conflict(m("assessmentInput.commentChanged", { version: 1 }));

    const ofYear = and(eq(assessmentItems.year, input.year), eq(assessmentItems.unitId, unit.id));
    const existing = await tx.select().from(assessmentItems).where(ofYear).orderBy(asc(assessmentItems.position)).for("update");
    const replaced = !input.items
      ? []
      : await tx
          .delete(assessmentItems)
          .where(
            and(
              ofYear,
              isNull(assessmentItems.doneAt),
              notExists(
                tx
                  .select({ one: sql`1` })
                  .from(dutyReportAnswers)
                  .where(eq(dutyReportAnswers.itemId, assessmentItems.id)),
              ),
            ),
          )
          .returning({ id: assessmentItems.id, content: assessmentItems.content, deadline: assessmentItems.deadline });
    // A new or changed item may not be given a deadline already past; an item sent back unchanged keeps its own.
    const late: FieldErrors = {};
    input.items?.forEach((item, i) => {
      const unchanged = replaced.some((r) => r.content === item.content && r.deadline === item.deadline);
      if (deadlineBeforeToday(item.deadline, today) && !unchanged) late[`items.${i}.deadline`] = m("assessWalk.deadlineBeforeToday");
    });
    if (Object.keys(late).length) throw badInput(late);
    const gone = new Set(replaced.map((r) => r.id));
    const kept = existing.filter((i) => !gone.has(i.id));
    const start = kept.reduce((max, i) => Math.max(max, i.position), 0);
    const added = input.items?.length
      ? await tx
          .insert(assessmentItems)
          .values(
            input.items.map((item, i) => ({
              year: input.year,
              unitId: unit.id,
              position: start + i + 1,
              content: item.content,
              deadline: item.deadline,
              createdBy: actor.id,
            })),
          )
          .returning({ id: assessmentItems.id })
      : [];

    await writeAudit(tx, actor, {
      action: "assessment.saveComment",
      entity: "assessment_comment",
      entityId: `${input.year}/${unit.id}`,
      unitId: unit.id,
      before: before
        ? { year: input.year, text: before.text, items: replaced.map(({ content, deadline }) => ({ content, deadline })) }
        : null,
      after: { year: input.year, text: input.text, items: input.items, keptItems: kept.map((i) => i.id) },
    });
    return { ok: true as const, version: after.version, itemIds: added.map((a) => a.id), keptItemIds: kept.map((i) => i.id) };
  });
}

/** The ids of `items` a duty report has answered (duty_report_answers), for the comment form's “kept” marks. */
export async function answeredItemIds(db: Db, itemIds: number[]): Promise<Set<number>> {
  if (itemIds.length === 0) return new Set();
  const rows = await db
    .selectDistinct({ id: dutyReportAnswers.itemId })
    .from(dutyReportAnswers)
    .where(inArray(dutyReportAnswers.itemId, itemIds));
  return new Set(rows.map((r) => r.id));
}
