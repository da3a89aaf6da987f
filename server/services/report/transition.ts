import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db, Tx } from "~/db/client";
import { reports, type ReportStatus } from "~/db/schema";
import { conflict, preconditionFailed } from "~/server/errors";
import { assertCapability, assertUnitInScope, type Access, type Actor, type Capability } from "~/server/scope";
import { writeAudit } from "~/server/services/audit/write";
import { refreshRollupsForReport } from "~/server/services/rollup/refresh";
import { loadReport, type LoadedReport } from "./load";
import { m } from "~/lib/server-message";

const statusZh: Record<ReportStatus, string> = { draft: "草稿", submitted: "已提交", approved: "已审核", returned: "已退回" };

export type TransitionSpec = {
  action: string; // audit action, e.g. report.submit
  verbZh: string; // for messages: 提交 / 审核通过 …
  from: readonly ReportStatus[];
  to: ReportStatus;
  /** Scope access on the unit, and optionally a capability the actor must hold as well. */
  access: Access;
  capability?: Capability;
};

export type TransitionInput = { unitId: number; quarter: string; version?: number };

/**
 * Moves a report along the workflow (DESIGN.md: draft → submitted → approved | returned):
 * scope check, allowed-from check, optimistic version check, the update, and its audit row,
 * in one transaction. `check` may refuse (throw) after seeing the stored report; `patch`
 * adds the transition's own columns.
 */
export async function transitionReport(
  { db, actor }: { db: Db; actor: Actor },
  input: TransitionInput,
  spec: TransitionSpec,
  opts: {
    check?: (tx: Tx, report: LoadedReport) => Promise<void>;
    /** Runs first in the transaction (e.g. to take a lock). */
    begin?: (tx: Tx) => Promise<void>;
    patch?: (report: LoadedReport) => Partial<typeof reports.$inferInsert>;
    auditExtra?: Record<string, unknown>;
  } = {},
) {
  if (spec.capability) assertCapability(actor, spec.capability);
  const unit = await assertUnitInScope(db, actor, input.unitId, spec.access);
  return db.transaction(async (tx) => {
    await opts.begin?.(tx);
    const before = await loadReport(tx, unit.id, input.quarter);
    if (!before || !spec.from.includes(before.status)) {
      const now = before ? statusZh[before.status] : "尚未填报";
      throw preconditionFailed(
        m("report.cannotAReportThatIs", {
          now,
          verbZh: spec.verbZh,
          action: spec.action.split(".")[1],
          status: before?.status ?? "not started",
        }),
      );
    }
    if (input.version !== undefined && input.version !== before.version) {
      throw conflict(m("report.reportChangedReload", { version: before.version, verbZh: spec.verbZh }));
    }
    await opts.check?.(tx, before);
    const [updated] = await tx
      .update(reports)
      .set({ ...opts.patch?.(before), status: spec.to, version: sql`${reports.version} + 1` })
      // Only if nobody moved it meanwhile: the status and version we checked are still there.
      .where(and(eq(reports.id, before.id), eq(reports.version, before.version), eq(reports.status, before.status)))
      .returning({ status: reports.status, version: reports.version });
    if (!updated) throw conflict(m("report.reportChangedMeanwhile"));
    // The dashboards' analytics follow in the same transaction (the report's unit and ancestors).
    await refreshRollupsForReport(tx, unit.id, input.quarter);
    await writeAudit(tx, actor, {
      action: spec.action,
      entity: "report",
      entityId: before.id,
      unitId: unit.id,
      before: { status: before.status, version: before.version },
      after: { status: updated.status, version: updated.version, ...opts.auditExtra },
    });
    return updated;
  });
}
