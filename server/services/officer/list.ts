import "server-only";
import { asc, desc, eq, sql } from "drizzle-orm";
import type { Db } from "~/db/client";
import { officers, people } from "~/db/schema";
import { assertUnitInScope, type Actor } from "~/server/scope";
import { todayInChina } from "~/server/services/meeting/schemas";

/** The roster's order: posts by rank (书记, 副书记, 委员). */
const postRank = sql`case ${officers.post} when 'secretary' then 0 when 'deputy_secretary' then 1 else 2 end`;

/**
 * `officer.list`: the unit's tenures, current and past, for whoever may read the unit — those in
 * post today first (by post), then the past ones, latest first. `current`: in post today (Beijing).
 */
export async function listOfficers({ db, actor }: { db: Db; actor: Actor }, input: { unitId: number }, today = todayInChina()) {
  const unit = await assertUnitInScope(db, actor, input.unitId, "read");
  const rows = await db
    .select({
      id: officers.id,
      personId: officers.personId,
      name: people.name,
      post: officers.post,
      fullTime: officers.fullTime,
      concurrentHead: officers.concurrentHead,
      fromDate: officers.fromDate,
      toDate: officers.toDate,
      version: officers.version,
    })
    .from(officers)
    .innerJoin(people, eq(people.id, officers.personId))
    .where(eq(officers.unitId, unit.id))
    .orderBy(
      sql`(${officers.toDate} is null or ${officers.toDate} >= ${today}::date) desc`,
      postRank,
      desc(officers.fromDate),
      asc(officers.id),
    );
  return rows.map((r) => ({ ...r, current: r.fromDate <= today && (r.toDate === null || r.toDate >= today) }));
}
