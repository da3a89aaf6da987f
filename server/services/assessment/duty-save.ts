import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Db } from "~/db/client";
import { dutyReportAnswers, dutyReports } from "~/db/schema";
import { dutyReportEditable } from "~/lib/assessment/duty-report";
import { m } from "~/lib/server-message";
import { badInput, conflict, preconditionFailed } from "~/server/errors";
import { assertUnitInScope, type Actor } from "~/server/scope";
import { writeAudit } from "~/server/services/audit/write";
import { refreshDutyReportCopy } from "./duty-copy";
import { checkVersion, dutyReportSnapshot, itemsToAnswer, lockDutyReport } from "./duty-load";
import type { SaveDutyReportInput } from "./duty-schemas";
import { lockEditableCycle } from "./editable-cycle";

/**
 * `assessment.saveDutyReport` (保存述职报告): the unit's staff (or an admin) write the year's
 * report while it is a draft or returned and the cycle is open or rating — the body, and the
 * answers to last year's comment items (each one of the unit's items of the year before).
 * Every write of the text refreshes its fingerprint and its copied-text match (雷同).
 */
export async function saveDutyReport({ db, actor }: { db: Db; actor: Actor }, input: SaveDutyReportInput) {
  const unit = await assertUnitInScope(db, actor, input.unitId, "write");
  return db.transaction(async (tx) => {
    await lockEditableCycle(tx, input.year);
    const before = await lockDutyReport(tx, input.year, unit.id);
    checkVersion(before, input.version);
    if (before && !dutyReportEditable(before.status)) {
      throw preconditionFailed(before.status === "accepted" ? m("dutyReport.alreadyAccepted") : m("dutyReport.waitingForDecision"));
    }
    const items = await itemsToAnswer(tx, input.year, unit.id, before?.id ?? null);
    if (input.answers) {
      const known = new Set(items.map((i) => i.id));
      const wrong = input.answers.findIndex((a) => !known.has(a.itemId));
      if (wrong >= 0) throw badInput({ [`answers.${wrong}.itemId`]: m("dutyReport.notLastYearsItem", { year: input.year - 1 }) });
    }

    // The fingerprint, bands and copied match follow from the text (refreshDutyReportCopy below).
    const fields = { text: input.text, updatedAt: new Date(), updatedBy: actor.id };
    const [after] = before
      ? await tx
          .update(dutyReports)
          .set({ ...fields, version: sql`${dutyReports.version} + 1` })
          .where(eq(dutyReports.id, before.id))
          .returning()
      : await tx
          .insert(dutyReports)
          .values({ ...fields, year: input.year, unitId: unit.id, createdBy: actor.id })
          .onConflictDoNothing()
          .returning();
    if (!after) throw conflict(m("dutyReport.changedMeanwhile", { version: 1 }));

    if (input.answers) {
      await tx.delete(dutyReportAnswers).where(eq(dutyReportAnswers.dutyReportId, after.id));
      if (input.answers.length) {
        await tx.insert(dutyReportAnswers).values(input.answers.map((a) => ({ dutyReportId: after.id, ...a })));
      }
    }
    await refreshDutyReportCopy(tx, after.id);

    await writeAudit(tx, actor, {
      action: "assessment.saveDutyReport",
      entity: "duty_report",
      entityId: after.id,
      unitId: unit.id,
      before: before ? dutyReportSnapshot(before) : null,
      after: {
        ...dutyReportSnapshot(after),
        ...(input.answers ? { answers: input.answers.map((a) => ({ itemId: a.itemId, done: a.done })) } : {}),
      },
    });
    return { status: after.status, version: after.version, id: after.id };
  });
}
