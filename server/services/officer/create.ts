import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "~/db/client";
import { officers, people } from "~/db/schema";
import { badInput } from "~/server/errors";
import { assertCapability, assertUnitInScope, type Actor } from "~/server/scope";
import { writeAudit } from "~/server/services/audit/write";
import type { CreateOfficerInput } from "./schemas";
import { relinkSecretaryRecords } from "./secretary";
import { assertTenureFits, lockUnitRoster, officerSnapshot } from "./tenure";
import { m } from "~/lib/server-message";

/**
 * `officer.create`: an admin adds a tenure to a unit's roster — a new person, or (`personId`)
 * one who already holds or held a post elsewhere, whose record then spans both units. The
 * unit's secretary-linked inspections and cases are linked again for the new dates.
 */
export async function createOfficer({ db, actor }: { db: Db; actor: Actor }, input: CreateOfficerInput) {
  assertCapability(actor, "manageAssessment");
  const unit = await assertUnitInScope(db, actor, input.unitId, "read");
  return db.transaction(async (tx) => {
    await lockUnitRoster(tx, unit.id);
    let person: { id: number; name: string };
    if (input.personId !== undefined) {
      const [found] = await tx.select({ id: people.id, name: people.name }).from(people).where(eq(people.id, input.personId));
      if (!found) throw badInput({ personId: m("officer.personNotFound", { id: input.personId }) });
      person = found;
    } else {
      const [made] = await tx.insert(people).values({ name: input.name, createdBy: actor.id }).returning();
      person = made!;
    }
    await assertTenureFits(tx, { unitId: unit.id, personId: person.id, post: input.post, from: input.from, to: input.to });
    const [created] = await tx
      .insert(officers)
      .values({
        personId: person.id,
        unitId: unit.id,
        post: input.post,
        fullTime: input.fullTime,
        concurrentHead: input.concurrentHead,
        fromDate: input.from,
        toDate: input.to,
        createdBy: actor.id,
        updatedBy: actor.id,
      })
      .returning();
    if (!created) throw new Error("officer insert returned no row");
    await relinkSecretaryRecords(tx, unit.id);
    await writeAudit(tx, actor, {
      action: "officer.create",
      entity: "officer",
      entityId: created.id,
      unitId: unit.id,
      after: officerSnapshot(created, person.name),
    });
    return { id: created.id, personId: person.id };
  });
}
