import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Tx } from "~/db/client";
import { reports, type Unit } from "~/db/schema";
import { conflict, preconditionFailed } from "~/server/errors";
import type { Actor } from "~/server/scope";
import { writeAudit } from "~/server/services/audit/write";
import { createMeetingInTx } from "~/server/services/meeting/create";
import type { MatchChange } from "~/server/services/meeting/copied-match";
import { applyComputedValues, refreshMeetingIndicators } from "~/server/services/meeting/indicators";
import { quarterOfDate } from "~/server/services/meeting/schemas";
import { updateMeetingInTx } from "~/server/services/meeting/update";
import { refreshMeetingRollups } from "~/server/services/rollup/meeting-quality";
import { loadReport } from "~/server/services/report/load";
import { writeReportValues } from "~/server/services/report-values/write";
import { reportSnapshot } from "~/server/services/report/snapshot";
import { isReportEditable } from "~/lib/status";
import { reportKey } from "./lookups";
import { planImport, reportChanges, summarise, type ImportContext, type ImportFile, type ImportPlan } from "./plan";
import type { ReportPlan } from "./plan-values";
import { m } from "~/lib/server-message";

const changedSince = () => conflict(m("spreadsheet.aReportChangedDuringTheImport"));

/** Writes one report's changed values: creates it as a draft if missing, bumps its version once, audits. */
async function writeReport(tx: Tx, actor: Actor, plan: ReportPlan) {
  const { unit, quarter } = plan;
  const before = await loadReport(tx, unit.id, quarter);
  // The file was checked against the report as it was then; anything newer needs a fresh look.
  if ((before?.version ?? 0) !== (plan.report?.version ?? 0)) throw changedSince();
  if (before && !isReportEditable(before.status)) {
    throw preconditionFailed(m("spreadsheet.reportIsSubmittedOrApproved"));
  }
  const patch = {
    updatedAt: new Date(),
    updatedBy: actor.id,
    ...(plan.businessScore ? { businessScore: plan.businessScore.value } : {}),
  };
  const [row] = before
    ? await tx
        .update(reports)
        .set({ ...patch, version: sql`${reports.version} + 1` })
        .where(and(eq(reports.id, before.id), eq(reports.version, before.version)))
        .returning({ id: reports.id })
    : await tx
        .insert(reports)
        .values({ unitId: unit.id, quarter, status: "draft", version: 1, ...patch })
        .onConflictDoNothing()
        .returning({ id: reports.id });
  if (!row) throw changedSince();

  await writeReportValues(tx, row.id, plan.values);
  await applyComputedValues(tx, row.id, unit, quarter);
  const after = await loadReport(tx, unit.id, quarter);
  await writeAudit(tx, actor, {
    action: "report.import",
    entity: "report",
    entityId: row.id,
    unitId: unit.id,
    before: before && reportSnapshot(before),
    after: after && reportSnapshot(after),
  });
}

/** Reports and meetings a plan writes (`writeImport`'s progress goes up to this). */
export const rowsToWrite = (plan: ImportPlan) =>
  plan.meetings.filter((m) => m.change !== "unchanged").length + plan.reports.filter(reportChanges).length;

/**
 * Writes every change of a plan without errors inside `tx` (the caller's transaction: all or
 * nothing). Meetings first, so the computed indicators of the reports written below count them.
 * `onWritten` hears the number of meetings and reports written so far.
 */
export async function writeImport(tx: Tx, actor: Actor, plan: ImportPlan, onWritten?: (count: number) => void) {
  const meetingQuarters = new Map<string, { unit: Unit; quarter: string }>();
  // Meetings (of any unit) whose copied-minutes match a row changed: their flags, refreshed below.
  const copied: MatchChange[] = [];
  let meetingCount = 0;
  for (const m of plan.meetings) {
    if (m.change === "unchanged") continue;
    const once = { refreshReport: false, refreshRollups: false, copied };
    if (m.change === "create") await createMeetingInTx(tx, actor, m.unit, m.fields, once);
    else await updateMeetingInTx(tx, actor, m.unit, m.existing!, m.fields, once);
    meetingCount++;
    onWritten?.(meetingCount);
    for (const quarter of new Set([quarterOfDate(m.fields.date), ...(m.existing ? [m.existing.quarter] : [])])) {
      meetingQuarters.set(reportKey(m.unit.id, quarter), { unit: m.unit, quarter });
    }
  }
  const written = new Set<string>();
  for (const r of plan.reports) {
    if (!reportChanges(r)) continue;
    await writeReport(tx, actor, r);
    written.add(reportKey(r.unit.id, r.quarter));
    onWritten?.(meetingCount + written.size);
  }
  // Reports only the meetings changed: recompute once per quarter (no version bump, as meeting.create does).
  for (const [key, { unit, quarter }] of meetingQuarters) {
    if (!written.has(key)) await refreshMeetingIndicators(tx, actor, unit, quarter);
  }
  // The meeting-quality rollups and flag counts: every unit and quarter the meetings touched, in one pass up the tree —
  // last, once every report row this import locks is locked (an approval locks its report, then the rollups).
  await refreshMeetingRollups(
    tx,
    [...meetingQuarters.values()].map(({ unit, quarter }) => ({ unitId: unit.id, quarter })),
    copied,
  );
  return { reports: written.size, meetings: meetingCount };
}

/**
 * `spreadsheet.import`: checks the whole file again and, only if it has no error at all,
 * writes every change in one transaction. Unchanged values and meetings are not rewritten.
 * The report version is not asked for: the file is the user's intent, but locked reports
 * stay locked. (The app's page runs imports as background jobs: server/services/import-job/.)
 */
export async function importSpreadsheet({ db, actor, locale }: ImportContext, input: ImportFile) {
  const plan = await planImport(db, actor, input);
  if (plan.errors.count > 0) throw plan.errors.toTrpcError(locale);
  const summary = summarise(plan, locale);
  if (!summary.hasChanges) return { ...summary, imported: { reports: 0, meetings: 0 } };
  const imported = await db.transaction((tx) => writeImport(tx, actor, plan));
  return { ...summary, imported };
}
