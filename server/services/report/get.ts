import type { Db } from "~/db/client";
import { assertUnitInScope, canAccess, type Actor } from "~/server/scope";
import { loadReport } from "./load";

/** A unit's quarterly report; one that does not exist yet reads as an empty draft (version 0). */
export async function getReport({ db, actor }: { db: Db; actor: Actor }, input: { unitId: number; quarter: string }) {
  const unit = await assertUnitInScope(db, actor, input.unitId, "read");
  const report = await loadReport(db, unit.id, input.quarter);
  const status = report?.status ?? "draft";
  return {
    unitId: unit.id,
    unitName: unit.name,
    quarter: input.quarter,
    status,
    /** Whether this caller may save it now (scope and status); the server re-checks on save. */
    canEdit: canAccess(actor, unit, "write") && (status === "draft" || status === "returned"),
    version: report?.version ?? 0,
    businessScore: report?.businessScore ?? null,
    note: report?.note ?? "",
    updatedAt: report?.updatedAt ?? null,
    updatedByName: report?.updatedByName ?? null,
    values: report?.values ?? [],
  };
}
