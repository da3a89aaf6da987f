import "server-only";
import { TRPCError } from "@trpc/server";
import { eq, inArray, sql } from "drizzle-orm";
import type { Tx } from "~/db/client";
import { officers, people } from "~/db/schema";
import { FieldValidationError } from "~/server/errors";
import { canAccess, type Actor } from "~/server/scope";
import { assertTenureFits, lockUnitRosters } from "~/server/services/officer/tenure";
import { officerHeaders as H } from "~/server/services/spreadsheet/columns";
import { chunks, unitsById } from "~/server/services/spreadsheet/lookups";
import type { RowTicker } from "~/server/services/spreadsheet/row-ticker";
import type { ErrorList } from "~/server/services/spreadsheet/sheet-errors";
import type { RosterRow } from "./rows";
import { m } from "~/lib/server-message";

export type RosterCounts = { created: number; updated: number; unchanged: number; newPeople: number };
export type Applied = RosterCounts & { unitIds: number[] };

/** A tenure is found again by unit + person's name + 任职开始; this is its key. */
const tenureKey = (unitId: number, name: string, from: string) => `${unitId}|${name}|${from}`;
const personKey = (unitId: number, name: string) => `${unitId}|${name}`;

/**
 * Writes the rows to the roster inside `tx` and checks the result with the roster's one rule
 * (assertTenureFits: one secretary a day, one post per person per unit at a time), every
 * problem into `errors` by row. The caller commits only when `errors` stays empty.
 *
 * Matching: a row with the same unit, name and 任职开始 as a stored tenure updates it (post,
 * 专职, 一肩挑, 任职结束); any other row is a new tenure, of the person of that name in the
 * unit's history (its latest tenure's person) or else of a new person. Tenures the file does not
 * mention stay as they are.
 */
export async function applyRoster(tx: Tx, actor: Actor, sheet: string, rows: RosterRow[], errors: ErrorList, ticker: RowTicker) {
  const units = await unitsById(
    tx,
    rows.map((r) => r.unitId),
  );
  const reachable = rows.filter((r) => {
    const unit = units.get(r.unitId);
    if (unit && canAccess(actor, unit, "read")) return true;
    errors.add(sheet, r.row, H.unitId, m("officerImport.unknownUnit", { id: r.unitId }));
    return false;
  });
  const unitIds = [...new Set(reachable.map((r) => r.unitId))];
  await lockUnitRosters(tx, unitIds);

  const stored = new Map<string, typeof officers.$inferSelect>();
  const personOf = new Map<string, number>();
  for (const part of chunks(unitIds)) {
    const list = await tx
      .select({ officer: officers, name: people.name })
      .from(officers)
      .innerJoin(people, eq(people.id, officers.personId))
      .where(inArray(officers.unitId, part))
      .orderBy(officers.fromDate, officers.id);
    for (const { officer, name } of list) {
      stored.set(tenureKey(officer.unitId, name, officer.fromDate), officer);
      personOf.set(personKey(officer.unitId, name), officer.personId); // the latest tenure's person wins
    }
  }

  const counts: RosterCounts = { created: 0, updated: 0, unchanged: 0, newPeople: 0 };
  const written: { row: RosterRow; id: number; personId: number }[] = [];
  const seen = new Map<string, number>();
  for (const r of reachable) {
    await ticker.tick();
    const key = tenureKey(r.unitId, r.name, r.from);
    const twin = seen.get(key);
    if (twin !== undefined) {
      errors.add(sheet, r.row, H.name, m("officerImport.sameTenureTwice", { row: twin, name: r.name, from: r.from }));
      continue;
    }
    seen.set(key, r.row);
    const old = stored.get(key);
    if (old) {
      const same = old.post === r.post && old.fullTime === r.fullTime && old.concurrentHead === r.concurrentHead && old.toDate === r.to;
      if (same) {
        counts.unchanged++;
        continue;
      }
      await tx
        .update(officers)
        .set({
          post: r.post,
          fullTime: r.fullTime,
          concurrentHead: r.concurrentHead,
          toDate: r.to,
          version: sql`${officers.version} + 1`,
          updatedAt: new Date(),
          updatedBy: actor.id,
        })
        .where(eq(officers.id, old.id));
      counts.updated++;
      written.push({ row: r, id: old.id, personId: old.personId });
      continue;
    }
    let personId = personOf.get(personKey(r.unitId, r.name));
    if (personId === undefined) {
      const [made] = await tx.insert(people).values({ name: r.name, createdBy: actor.id }).returning({ id: people.id });
      personId = made!.id;
      personOf.set(personKey(r.unitId, r.name), personId);
      counts.newPeople++;
    }
    const [created] = await tx
      .insert(officers)
      .values({
        personId,
        unitId: r.unitId,
        post: r.post,
        fullTime: r.fullTime,
        concurrentHead: r.concurrentHead,
        fromDate: r.from,
        toDate: r.to,
        createdBy: actor.id,
        updatedBy: actor.id,
      })
      .returning({ id: officers.id });
    counts.created++;
    written.push({ row: r, id: created!.id, personId });
  }

  // With every row in place, each written tenure must fit the roster — the others of the file included.
  for (const w of written) {
    try {
      await assertTenureFits(tx, {
        unitId: w.row.unitId,
        personId: w.personId,
        post: w.row.post,
        from: w.row.from,
        to: w.row.to,
        exceptId: w.id,
      });
    } catch (err) {
      if (!(err instanceof TRPCError && err.cause instanceof FieldValidationError)) throw err;
      for (const message of Object.values(err.cause.fieldErrors)) errors.add(sheet, w.row.row, H.from, message);
    }
  }
  return { ...counts, unitIds: [...new Set(written.map((w) => w.row.unitId))] } satisfies Applied;
}
