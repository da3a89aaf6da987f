import "server-only";
import type { Db } from "~/db/client";
import { assertUnitInScope, type Actor } from "~/server/scope";
import type { SecretaryOnInput } from "./schemas";
import { secretaryNamedOn } from "./secretary";

/** `officer.secretaryOn {unitId, date}`: who was the unit's secretary that day (null: nobody), for whoever reads the unit. */
export async function getSecretaryOn({ db, actor }: { db: Db; actor: Actor }, input: SecretaryOnInput) {
  const unit = await assertUnitInScope(db, actor, input.unitId, "read");
  return { unitId: unit.id, date: input.date, secretary: await secretaryNamedOn(db, unit.id, input.date) };
}
