import "server-only";
import { and, count, eq, sql } from "drizzle-orm";
import type { CaseStatus } from "~/lib/codes";
import { caseTransitions } from "~/lib/status";
import type { Db } from "~/db/client";
import { caseEvents, cases, rectificationItems } from "~/db/schema";
import { conflict, preconditionFailed } from "~/server/errors";
import type { Actor } from "~/server/scope";
import { staleAnnualScores, yearOf } from "~/server/services/assessment/grade-store";
import { writeAudit } from "~/server/services/audit/write";
import { refreshCaseCounts } from "~/server/services/rollup/case-counts";
import { loadCaseInScope } from "./load";
import { m } from "~/lib/server-message";

export const caseStatusZh: Record<CaseStatus, string> = {
  opened: "立案",
  investigating: "调查核实",
  decided: "作出问责决定",
  rectifying: "整改中",
  closed: "整改销号",
};

/**
 * `case.transition`: moves a case one step along 立案 → 调查核实 → 作出问责决定 → 整改中 → 整改销号
 * (plus 作出问责决定 → 整改销号 when there is nothing to rectify). Like report transitions: the
 * allowed-from check, a conditional update on the status we read (two reviewers clicking at
 * once cannot both succeed), the timeline row and the audit row, in one transaction.
 */
export async function transitionCase({ db, actor }: { db: Db; actor: Actor }, input: { id: number; to: CaseStatus; comment: string }) {
  const { unit } = await loadCaseInScope(db, actor, input.id, "case");
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(cases).where(eq(cases.id, input.id)).limit(1);
    if (!before) throw conflict(m("case.caseVanished"));
    if (!caseTransitions[before.status].includes(input.to)) {
      throw preconditionFailed(
        m("case.cannotMoveACaseFromTo", {
          caseStatusZh: caseStatusZh[before.status],
          caseStatusZh2: caseStatusZh[input.to],
          status: before.status,
          to: input.to,
        }),
      );
    }
    const [items] = await tx
      .select({ total: count(), open: sql<number>`count(*) filter (where ${rectificationItems.doneAt} is null)`.mapWith(Number) })
      .from(rectificationItems)
      .where(eq(rectificationItems.caseId, before.id));
    if (input.to === "closed" && (items?.open ?? 0) > 0) {
      throw preconditionFailed(m("case.rectificationItemSStillOpen", { open: items!.open }));
    }
    if (before.status === "decided" && input.to === "closed" && (items?.total ?? 0) > 0) {
      throw preconditionFailed(m("case.aCaseWithRectificationItemsGoes"));
    }
    const [updated] = await tx
      .update(cases)
      .set({ status: input.to, version: sql`${cases.version} + 1`, updatedAt: new Date() })
      .where(and(eq(cases.id, before.id), eq(cases.status, before.status)))
      .returning({ status: cases.status, version: cases.version });
    if (!updated) throw conflict(m("case.caseChangedMeanwhile"));
    await refreshCaseCounts(tx, [unit.id]);
    // A decided (or later) case counts against its quarter's year grade.
    await staleAnnualScores(tx, yearOf(before.quarter), [before.unitId]);
    await tx
      .insert(caseEvents)
      .values({ caseId: before.id, actorId: actor.id, fromStatus: before.status, toStatus: input.to, comment: input.comment });
    await writeAudit(tx, actor, {
      action: "case.transition",
      entity: "case",
      entityId: before.id,
      unitId: unit.id,
      before: { status: before.status, version: before.version },
      after: { status: updated.status, version: updated.version, comment: input.comment },
    });
    return { status: updated.status };
  });
}
