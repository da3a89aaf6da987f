import "server-only";
import { asc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "~/db/client";
import { officers, people, units } from "~/db/schema";
import { assertCapability, type Actor } from "~/server/scope";

const LIMIT = 20;

/**
 * `officer.people` (已有人员): people whose name contains `query`, each with their tenures, so
 * an admin adding a tenure can continue the record of someone who moves from another unit.
 */
export async function searchPeople({ db, actor }: { db: Db; actor: Actor }, input: { query: string }) {
  assertCapability(actor, "manageAssessment");
  const found = await db
    .select({ id: people.id, name: people.name })
    .from(people)
    .where(sql`strpos(${people.name}, ${input.query}) > 0`)
    .orderBy(sql`${people.name} = ${input.query} desc`, asc(people.name), asc(people.id))
    .limit(LIMIT);
  if (!found.length) return [];
  const tenures = await db
    .select({
      id: officers.id,
      personId: officers.personId,
      unitName: units.name,
      post: officers.post,
      fromDate: officers.fromDate,
      toDate: officers.toDate,
    })
    .from(officers)
    .innerJoin(units, eq(units.id, officers.unitId))
    .where(
      inArray(
        officers.personId,
        found.map((p) => p.id),
      ),
    )
    .orderBy(asc(officers.fromDate));
  return found.map((p) => ({ ...p, tenures: tenures.filter((t) => t.personId === p.id) }));
}
