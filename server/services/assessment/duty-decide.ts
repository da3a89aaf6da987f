import "server-only";
import { staleAnnualScores } from "./grade-store";
import { eq, sql } from "drizzle-orm";
import type { Db } from "~/db/client";
import { dutyReports } from "~/db/schema";
import { m } from "~/lib/server-message";
import { preconditionFailed } from "~/server/errors";
import { assertUnitInScope, type Actor } from "~/server/scope";
import { writeAudit } from "~/server/services/audit/write";
import { checkVersion, dutyReportSnapshot, lockExistingDutyReport } from "./duty-load";
import type { DutyReportKeyInput, ReturnDutyReportInput } from "./duty-schemas";
import { lockEditableCycle } from "./editable-cycle";

/**
 * `assessment.acceptDutyReport` (通过) and `assessment.returnDutyReport` (退回, with the reason
 * the unit will read): the level above (scope "assess", never the unit itself) decides on a
 * submitted report while the cycle is open or rating. A returned report is edited and
 * submitted again.
 */
export async function decideDutyReport(
  { db, actor }: { db: Db; actor: Actor },
  input: DutyReportKeyInput & { reason?: string },
  to: "accepted" | "returned",
) {
  const unit = await assertUnitInScope(db, actor, input.unitId, "assess");
  return db.transaction(async (tx) => {
    await lockEditableCycle(tx, input.year);
    const before = await lockExistingDutyReport(tx, input.year, unit.id, unit.name);
    checkVersion(before, input.version);
    if (before.status !== "submitted") {
      throw preconditionFailed(before.status === "accepted" ? m("dutyReport.alreadyAccepted") : m("dutyReport.notSubmitted"));
    }
    const now = new Date();
    const [after] = await tx
      .update(dutyReports)
      .set({
        status: to,
        returnReason: to === "returned" ? (input.reason ?? null) : null,
        decidedAt: now,
        decidedBy: actor.id,
        version: sql`${dutyReports.version} + 1`,
        updatedAt: now,
        updatedBy: actor.id,
      })
      .where(eq(dutyReports.id, before.id))
      .returning();
    await staleAnnualScores(tx, input.year, [unit.id]);
    await writeAudit(tx, actor, {
      action: to === "accepted" ? "assessment.acceptDutyReport" : "assessment.returnDutyReport",
      entity: "duty_report",
      entityId: before.id,
      unitId: unit.id,
      before: dutyReportSnapshot(before),
      after: dutyReportSnapshot(after!),
    });
    return { status: after!.status, version: after!.version };
  });
}

export const acceptDutyReport = (ctx: { db: Db; actor: Actor }, input: DutyReportKeyInput) => decideDutyReport(ctx, input, "accepted");
export const returnDutyReport = (ctx: { db: Db; actor: Actor }, input: ReturnDutyReportInput) => decideDutyReport(ctx, input, "returned");
