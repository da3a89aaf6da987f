import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "~/db/client";
import { reports } from "~/db/schema";
import { badInput, conflict, preconditionFailed, type FieldErrors } from "~/server/errors";
import { quarterOf } from "~/lib/quarter";
import { assertUnitInScope, type Actor } from "~/server/scope";
import { writeAudit } from "~/server/services/audit/write";
import { effectiveIndicators } from "~/server/services/catalogue/effective";
import { applyComputedValues } from "~/server/services/meeting/indicators";
import { isReportEditable } from "~/lib/status";
import { loadReport, type LoadedReport } from "./load";
import type { SaveReportInput } from "./schemas";
import { validateBusinessScore, validateValues } from "./validate-values";
import { writeReportValues } from "~/server/services/report-values/write";
import { reportSnapshot } from "./snapshot";
import { m } from "~/lib/server-message";

function staleMessage(current: LoadedReport): string {
  const who = current.updatedByName ?? "他人";
  const when = current.updatedAt.toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", hour12: false });
  return m("report.someoneElseSavedThisReportAt", { who, when, version: current.version, updatedAt: current.updatedAt.toISOString() });
}

/**
 * Saves a draft of a unit's quarterly report. Values are upserted by indicator code (null
 * clears one). Optimistic locking: `version` must equal the stored version (0 = new report).
 */
export async function saveReport({ db, actor }: { db: Db; actor: Actor }, input: SaveReportInput) {
  const errors: FieldErrors = {};
  if (input.quarter > quarterOf(new Date())) errors.quarter = m("report.quarterHasNotStarted");
  const business = validateBusinessScore(input.businessScore);
  if ("error" in business) errors.businessScore = business.error;

  const unit = await assertUnitInScope(db, actor, input.unitId, "write");
  const catalogue = new Map((await effectiveIndicators(db, input.quarter)).map((i) => [i.code, i]));
  // Values of `source: "meetings"` indicators are computed from the meeting records, never typed.
  const typed = input.values.filter((v) => catalogue.get(v.indicatorCode)?.source !== "meetings");
  const { parsed, errors: valueErrors } = validateValues(catalogue, typed);
  Object.assign(errors, valueErrors);
  if (Object.keys(errors).length > 0) throw badInput(errors);

  return db.transaction(async (tx) => {
    const before = await loadReport(tx, unit.id, input.quarter);
    if (before && !isReportEditable(before.status)) {
      throw preconditionFailed(
        before.status === "approved" ? m("report.reportIsApprovedAndLocked") : m("report.reportIsSubmittedAndAwaitsReview"),
      );
    }
    if ((before?.version ?? 0) !== input.version) {
      throw before ? conflict(staleMessage(before)) : conflict(m("report.reportChanged"));
    }

    const patch = {
      updatedAt: new Date(),
      updatedBy: actor.id,
      ...("value" in business && input.businessScore !== undefined ? { businessScore: business.value } : {}),
      ...(input.note !== undefined ? { note: input.note } : {}),
    };
    let reportId: number;
    let version: number;
    if (!before) {
      // Two first saves racing: the unique (unit, quarter) key lets only one insert through.
      const [created] = await tx
        .insert(reports)
        .values({ unitId: unit.id, quarter: input.quarter, status: "draft", version: 1, ...patch })
        .onConflictDoNothing()
        .returning({ id: reports.id, version: reports.version });
      if (!created) throw conflict(m("report.someoneElseCreatedThisReport"));
      ({ id: reportId, version } = created);
    } else {
      const [updated] = await tx
        .update(reports)
        .set({ ...patch, version: sql`${reports.version} + 1` })
        .where(and(eq(reports.id, before.id), eq(reports.version, input.version)))
        .returning({ id: reports.id, version: reports.version });
      if (!updated) throw conflict(staleMessage(before));
      ({ id: reportId, version } = updated);
    }

    await writeReportValues(tx, reportId, parsed);

    await applyComputedValues(tx, reportId, unit, input.quarter);

    const after = await loadReport(tx, unit.id, input.quarter);
    await writeAudit(tx, actor, {
      action: "report.save",
      entity: "report",
      entityId: reportId,
      unitId: unit.id,
      before: before && reportSnapshot(before),
      after: after && reportSnapshot(after),
    });
    return { version };
  });
}
