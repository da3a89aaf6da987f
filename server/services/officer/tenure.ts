import "server-only";
import { alias } from "drizzle-orm/pg-core";
import { and, asc, desc, eq, gte, inArray, lte, ne, or, isNull, sql, type AnyColumn } from "drizzle-orm";
import type { Tx } from "~/db/client";
import { officers, people, units, type Officer, type OfficerPost } from "~/db/schema";
import { badInput } from "~/server/errors";
import { day, m } from "~/lib/server-message";

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

/** The columns of `officers`, or of an alias of it. */
type Officers = { id: AnyColumn; unitId: AnyColumn; fromDate: AnyColumn; toDate: AnyColumn };
/** A tenure to compare with: typed values (a tenure being written) or the columns of another row of `officers`. */
type TenureRef = { unitId: number | AnyColumn; from: string | AnyColumn; to: string | null | AnyColumn; exceptId?: number | AnyColumn };
const isColumn = (v: unknown): v is AnyColumn => typeof v === "object" && v !== null;

/** Tenures `o` of the unit sharing a day with [from, to] (to null: open-ended), but the one being changed. */
const sharesADay = (o: Officers, t: TenureRef) =>
  and(
    eq(o.unitId, t.unitId),
    t.exceptId ? ne(o.id, t.exceptId) : sql`true`,
    or(isNull(o.toDate), gte(o.toDate, t.from)),
    t.to === null ? sql`true` : isColumn(t.to) ? or(isNull(t.to), lte(o.fromDate, t.to)) : lte(o.fromDate, t.to),
  );

/** The other tenure a tenure clashes with, and how. */
type Clash = { name: string; from: string; to: string | null; samePerson: boolean };

/** The refusal of a clash, naming the other tenure and its dates. */
function clashMessage(c: Clash): string {
  if (c.samePerson) return m("officer.personAlreadyServes", { name: c.name, from: day(c.from) });
  return c.to
    ? m("officer.secretaryOverlaps", { name: c.name, from: day(c.from), to: day(c.to) })
    : m("officer.secretaryStillInPost", { name: c.name, from: day(c.from) });
}

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
    .select({ name: people.name, from: officers.fromDate, to: officers.toDate })
    .from(officers)
    .innerJoin(people, eq(people.id, officers.personId))
    .where(and(sharesADay(officers, t), eq(officers.personId, t.personId)))
    .orderBy(officers.fromDate)
    .limit(1);
  if (same) throw badInput({ from: clashMessage({ ...same, samePerson: true }) });
  if (t.post !== "secretary") return;
  const [clash] = await tx
    .select({ name: people.name, from: officers.fromDate, to: officers.toDate })
    .from(officers)
    .innerJoin(people, eq(people.id, officers.personId))
    .where(and(sharesADay(officers, t), eq(officers.post, "secretary")))
    .orderBy(officers.fromDate)
    .limit(1);
  if (clash) throw badInput({ from: clashMessage({ ...clash, samePerson: false }) });
}

/**
 * The same rule for stored tenures at once (an import checks every tenure it wrote, against the
 * roster and each other, in one query per 5,000): the refusal of each tenure that does not fit,
 * by id — the same clash and words assertTenureFits would give it.
 */
export async function tenureClashes(tx: Tx, ids: number[]): Promise<Map<number, string>> {
  const other = alias(officers, "other");
  const samePerson = sql<boolean>`${other.personId} = ${officers.personId}`;
  const out = new Map<number, string>();
  for (let i = 0; i < ids.length; i += 5_000) {
    const rows = await tx
      .select({ id: officers.id, name: people.name, from: other.fromDate, to: other.toDate, samePerson })
      .from(officers)
      .innerJoin(
        other,
        and(
          sharesADay(other, { unitId: officers.unitId, from: officers.fromDate, to: officers.toDate, exceptId: officers.id }),
          or(eq(other.personId, officers.personId), and(eq(officers.post, "secretary"), eq(other.post, "secretary"))),
        ),
      )
      .innerJoin(people, eq(people.id, other.personId))
      .where(inArray(officers.id, ids.slice(i, i + 5_000)))
      .orderBy(asc(officers.id), desc(samePerson), asc(other.fromDate));
    for (const r of rows) if (!out.has(r.id)) out.set(r.id, clashMessage(r));
  }
  return out;
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
