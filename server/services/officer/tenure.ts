import "server-only";
import { and, asc, eq, gte, inArray, lte, ne, or, isNull, sql } from "drizzle-orm";
import type { Tx } from "~/db/client";
import { officers, people, units, type Officer, type OfficerPost } from "~/db/schema";
import { badInput } from "~/server/errors";
import { m } from "~/lib/server-message";

/** Roster writes on one unit wait for each other, so two admins cannot both add “the” secretary of the same days. */
export async function lockUnitRoster(tx: Tx, unitId: number): Promise<void> {
  await lockUnitRosters(tx, [unitId]);
}

/** The same lock on several units (an import), taken in id order so two imports cannot deadlock. */
export async function lockUnitRosters(tx: Tx, unitIds: number[]): Promise<void> {
  const ids = [...new Set(unitIds)].sort((a, b) => a - b);
  for (let i = 0; i < ids.length; i += 5_000) {
    const part = ids.slice(i, i + 5_000);
    await tx.select({ id: units.id }).from(units).where(inArray(units.id, part)).orderBy(asc(units.id)).for("update");
  }
}

/** Tenures of the unit sharing a day with [from, to] (to null: open-ended), but the one being changed. */
const sharesADay = (t: { unitId: number; from: string; to: string | null; exceptId?: number }) =>
  and(
    eq(officers.unitId, t.unitId),
    t.exceptId ? ne(officers.id, t.exceptId) : sql`true`,
    or(isNull(officers.toDate), gte(officers.toDate, t.from)),
    t.to === null ? sql`true` : lte(officers.fromDate, t.to),
  );

/**
 * A tenure fits the unit's roster when (1) the unit has at most one secretary on any day — a 书记
 * tenure may not share a day with another 书记 tenure of the unit — and (2) one person holds one
 * post of the unit at a time. The messages name the other tenure and its dates, on the start
 * date's field.
 */
export async function assertTenureFits(
  tx: Tx,
  t: { unitId: number; personId: number; post: OfficerPost; from: string; to: string | null; exceptId?: number },
): Promise<void> {
  const [same] = await tx
    .select({ name: people.name, post: officers.post, from: officers.fromDate })
    .from(officers)
    .innerJoin(people, eq(people.id, officers.personId))
    .where(and(sharesADay(t), eq(officers.personId, t.personId)))
    .orderBy(officers.fromDate)
    .limit(1);
  if (same) throw badInput({ from: m("officer.personAlreadyServes", { name: same.name, from: same.from }) });
  if (t.post !== "secretary") return;
  const [clash] = await tx
    .select({ name: people.name, from: officers.fromDate, to: officers.toDate })
    .from(officers)
    .innerJoin(people, eq(people.id, officers.personId))
    .where(and(sharesADay(t), eq(officers.post, "secretary")))
    .orderBy(officers.fromDate)
    .limit(1);
  if (!clash) return;
  const message = clash.to
    ? m("officer.secretaryOverlaps", { name: clash.name, from: clash.from, to: clash.to })
    : m("officer.secretaryStillInPost", { name: clash.name, from: clash.from });
  throw badInput({ from: message });
}

/** What the audit log keeps of a tenure. */
export const officerSnapshot = (o: Officer, name: string) => ({
  name,
  personId: o.personId,
  unitId: o.unitId,
  post: o.post,
  fullTime: o.fullTime,
  concurrentHead: o.concurrentHead,
  from: o.fromDate,
  to: o.toDate,
  version: o.version,
});
