import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "~/db/client";
import { inspections } from "~/db/schema";
import { conflict, preconditionFailed } from "~/server/errors";
import type { Actor } from "~/server/scope";
import { staleAnnualScores, yearOf } from "~/server/services/assessment/grade-store";
import { writeAudit } from "~/server/services/audit/write";
import { secretaryOn } from "~/server/services/officer/secretary";
import { inspectionColumns, inspectionSnapshot, loadInspectionInScope } from "./load";
import type { UpdateInspectionInput } from "./schemas";
import { m } from "~/lib/server-message";

const stale = (version: number) => conflict(m("inspection.inspectionChangedSinceYouOpenedIt", { version }));

/** `inspection.update`: replaces an inspection's fields if nobody changed it since `version` was read. */
export async function updateInspection({ db, actor }: { db: Db; actor: Actor }, input: UpdateInspectionInput) {
  const { id, version, ...fields } = input;
  return db.transaction(async (tx) => {
    const { inspection: before, unit } = await loadInspectionInScope(tx, actor, id, "case");
    if (before.withdrawnAt) throw preconditionFailed(m("inspection.inspectionWithdrawn"));
    if (before.version !== version) throw stale(before.version);
    const [after] = await tx
      .update(inspections)
      .set({
        ...inspectionColumns(fields),
        officerId: fields.subject === "secretary" ? await secretaryOn(tx, unit.id, fields.inspectedOn) : null,
        version: sql`${inspections.version} + 1`,
        updatedAt: new Date(),
        updatedBy: actor.id,
      })
      .where(and(eq(inspections.id, id), eq(inspections.version, version)))
      .returning();
    if (!after) throw stale(version + 1);
    for (const day of new Set([before.inspectedOn, after.inspectedOn])) await staleAnnualScores(tx, yearOf(day), [unit.id]);
    await writeAudit(tx, actor, {
      action: "inspection.update",
      entity: "inspection",
      entityId: id,
      unitId: unit.id,
      before: inspectionSnapshot(before),
      after: inspectionSnapshot(after),
    });
    return { id, version: after.version };
  });
}
