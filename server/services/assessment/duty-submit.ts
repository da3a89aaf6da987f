import "server-only";
import { staleAnnualScores } from "./grade-store";
import { eq, sql } from "drizzle-orm";
import type { Db } from "~/db/client";
import { dutyReports } from "~/db/schema";
import { dutyReportEditable, dutyReportRules } from "~/lib/assessment/duty-report";
import { m } from "~/lib/server-message";
import { badInput, preconditionFailed, type FieldErrors } from "~/server/errors";
import { assertUnitInScope, type Actor } from "~/server/scope";
import { writeAudit } from "~/server/services/audit/write";
import { todayInChina } from "~/server/services/meeting/schemas";
import { submittedLate } from "./duty-late";
import { checkVersion, dutyReportSnapshot, itemsToAnswer, lockExistingDutyReport } from "./duty-load";
import type { DutyReportKeyInput } from "./duty-schemas";
import { lockEditableCycle } from "./editable-cycle";
import { secretaryNamedOn } from "~/server/services/officer/secretary";

/**
 * `assessment.submitDutyReport` (提交): the saved draft (or returned report) goes to the level
 * above — once every one of last year's items is answered (evidence for each 已完成) and the
 * body is long enough; otherwise BAD_REQUEST listing what is missing. After the cycle's
 * deadline it is still taken, marked late (逾期). The report is the secretary's in post today.
 */
export async function submitDutyReport({ db, actor }: { db: Db; actor: Actor }, input: DutyReportKeyInput, now = new Date()) {
  const unit = await assertUnitInScope(db, actor, input.unitId, "write");
  return db.transaction(async (tx) => {
    const cycle = await lockEditableCycle(tx, input.year);
    const before = await lockExistingDutyReport(tx, input.year, unit.id, unit.name);
    checkVersion(before, input.version);
    if (!dutyReportEditable(before.status)) {
      throw preconditionFailed(before.status === "accepted" ? m("dutyReport.alreadyAccepted") : m("dutyReport.alreadySubmitted"));
    }
    const missing: FieldErrors = {};
    const items = await itemsToAnswer(tx, input.year, unit.id, before.id);
    const unanswered = items.flatMap((item, i) => (item.done === null || (item.done && !item.evidence) ? [i + 1] : []));
    if (unanswered.length)
      missing.answers = m("dutyReport.itemsUnanswered", {
        items: unanswered.join("、"),
        itemsEn: unanswered.join(", "),
        count: unanswered.length,
      });
    const chars = before.text.trim().length;
    if (chars < dutyReportRules.minChars) missing.text = m("dutyReport.textTooShort", { min: dutyReportRules.minChars, chars });
    if (Object.keys(missing).length) throw badInput(missing);

    const secretary = await secretaryNamedOn(tx, unit.id, todayInChina(now));
    const [after] = await tx
      .update(dutyReports)
      .set({
        status: "submitted",
        submittedAt: now,
        submittedBy: actor.id,
        officerId: secretary?.officerId ?? null,
        decidedAt: null,
        decidedBy: null,
        version: sql`${dutyReports.version} + 1`,
        updatedAt: now,
        updatedBy: actor.id,
      })
      .where(eq(dutyReports.id, before.id))
      .returning();
    await staleAnnualScores(tx, input.year, [unit.id]);
    const late = submittedLate(now, cycle.rules.dutyReportDeadline);
    await writeAudit(tx, actor, {
      action: "assessment.submitDutyReport",
      entity: "duty_report",
      entityId: before.id,
      unitId: unit.id,
      before: dutyReportSnapshot(before),
      after: { ...dutyReportSnapshot(after!), late },
    });
    return { status: after!.status, version: after!.version, late };
  });
}
