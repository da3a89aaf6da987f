import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "~/db/client";
import { officers, people } from "~/db/schema";
import { conflict } from "~/server/errors";
import { assertCapability, loadInScope, type Actor } from "~/server/scope";
import { writeAudit } from "~/server/services/audit/write";
import type { UpdateOfficerInput } from "./schemas";
import { relinkSecretaryRecords } from "./secretary";
import { assertTenureFits, lockUnitRoster, officerSnapshot } from "./tenure";
import { m } from "~/lib/server-message";

export const staleOfficer = (version: number) => conflict(m("officer.changedSinceYouOpenedIt", { version }));

/**
 * `officer.update`: an admin corrects a tenure (post, 专职, 一肩挑, dates) and the person's name,
 * if nobody changed the tenure since `version` was read; the one-secretary rule holds after it.
 */
export async function updateOfficer({ db, actor }: { db: Db; actor: Actor }, input: UpdateOfficerInput) {
  assertCapability(actor, "manageAssessment");
  return db.transaction(async (tx) => {
    const { row: before, unit } = await loadInScope(tx, actor, "officer", input.id, "read");
    await lockUnitRoster(tx, unit.id);
    if (before.version !== input.version) throw staleOfficer(before.version);
    const [person] = await tx.select().from(people).where(eq(people.id, before.personId));
    await assertTenureFits(tx, {
      unitId: unit.id,
      personId: before.personId,
      post: input.post,
      from: input.from,
      to: input.to,
      exceptId: before.id,
    });
    const [after] = await tx
      .update(officers)
      .set({
        post: input.post,
        fullTime: input.fullTime,
        concurrentHead: input.concurrentHead,
        fromDate: input.from,
        toDate: input.to,
        version: sql`${officers.version} + 1`,
        updatedAt: new Date(),
        updatedBy: actor.id,
      })
      .where(and(eq(officers.id, before.id), eq(officers.version, input.version)))
      .returning();
    if (!after) throw staleOfficer(input.version + 1);
    if (person && person.name !== input.name) await tx.update(people).set({ name: input.name }).where(eq(people.id, person.id));
    await relinkSecretaryRecords(tx, unit.id);
    await writeAudit(tx, actor, {
      action: "officer.update",
      entity: "officer",
      entityId: before.id,
      unitId: unit.id,
      before: officerSnapshot(before, person?.name ?? ""),
      after: officerSnapshot(after, input.name),
    });
    return { id: after.id, version: after.version };
  });
}
