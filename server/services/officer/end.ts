import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "~/db/client";
import { officers, people } from "~/db/schema";
import { badInput } from "~/server/errors";
import { assertCapability, loadInScope, type Actor } from "~/server/scope";
import { writeAudit } from "~/server/services/audit/write";
import type { EndOfficerInput } from "./schemas";
import { relinkSecretaryRecords } from "./secretary";
import { assertTenureFits, lockUnitRoster, officerSnapshot } from "./tenure";
import { staleOfficer } from "./update";
import { day, m } from "~/lib/server-message";

/**
 * `officer.end` (离任): the tenure's last day. Ending a secretary is how a change of secretary is
 * recorded: the successor's tenure may then start the day after.
 */
export async function endOfficer({ db, actor }: { db: Db; actor: Actor }, input: EndOfficerInput) {
  assertCapability(actor, "manageAssessment");
  return db.transaction(async (tx) => {
    const { row: before, unit } = await loadInScope(tx, actor, "officer", input.id, "read");
    await lockUnitRoster(tx, unit.id);
    if (input.version !== undefined && before.version !== input.version) throw staleOfficer(before.version);
    if (input.to < before.fromDate) throw badInput({ to: m("officer.toBeforeFrom", { from: day(before.fromDate), to: day(input.to) }) });
    await assertTenureFits(tx, {
      unitId: unit.id,
      personId: before.personId,
      post: before.post,
      from: before.fromDate,
      to: input.to,
      exceptId: before.id,
    });
    const [after] = await tx
      .update(officers)
      .set({ toDate: input.to, version: sql`${officers.version} + 1`, updatedAt: new Date(), updatedBy: actor.id })
      .where(and(eq(officers.id, before.id), eq(officers.version, before.version)))
      .returning();
    if (!after) throw staleOfficer(before.version + 1);
    const [person] = await tx.select({ name: people.name }).from(people).where(eq(people.id, before.personId));
    await relinkSecretaryRecords(tx, unit.id);
    await writeAudit(tx, actor, {
      action: "officer.end",
      entity: "officer",
      entityId: before.id,
      unitId: unit.id,
      before: officerSnapshot(before, person?.name ?? ""),
      after: officerSnapshot(after, person?.name ?? ""),
    });
    return { id: after.id, version: after.version };
  });
}
