import "server-only";
import type { Db } from "~/db/client";
import { canAccess, assertUnitInScope, hasCapability, type Actor } from "~/server/scope";
import { owesReport } from "~/server/services/completeness/expected";
import { deadlineFor } from "~/server/services/deadline/rules";
import { isReportEditable } from "~/lib/status";
import { loadReport } from "./load";

/** A unit's quarterly report; one that does not exist yet reads as an empty draft (version 0). */
export async function getReport({ db, actor }: { db: Db; actor: Actor }, input: { unitId: number; quarter: string }) {
  const unit = await assertUnitInScope(db, actor, input.unitId, "read");
  const report = await loadReport(db, unit.id, input.quarter);
  const status = report?.status ?? "draft";
  const editable = isReportEditable(status);
  const deadline = await deadlineFor(db, input.quarter);
  return {
    unitId: unit.id,
    unitName: unit.name,
    quarter: input.quarter,
    status,
    version: report?.version ?? 0,
    businessScore: report?.businessScore ?? null,
    note: report?.note ?? "",
    updatedAt: report?.updatedAt ?? null,
    updatedByName: report?.updatedByName ?? null,
    submittedAt: report?.submittedAt ?? null,
    late: report?.late ?? false,
    reviewedAt: report?.reviewedAt ?? null,
    returnReason: report?.returnReason ?? null,
    deadline,
    /** Whether the unit owes this quarter at all (completeness/expected.ts), and its span. */
    owed: owesReport(unit, input.quarter),
    reportsFrom: unit.reportsFrom,
    reportsUntil: unit.reportsUntil,
    values: report?.values ?? [],
    /** What this caller may do now (scope and status); the server re-checks every action. */
    permissions: {
      edit: canAccess(actor, unit, "write") && editable,
      submit: canAccess(actor, unit, "write") && editable && !!report,
      review: canAccess(actor, unit, "approve") && status === "submitted",
      reopen: hasCapability(actor, "grantLockException") && status === "approved",
    },
  };
}
