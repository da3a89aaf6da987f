import "server-only";
import { eq, inArray, sql } from "drizzle-orm";
import type { Tx } from "~/db/client";
import { officers, people, type Officer } from "~/db/schema";
import { canAccess, type Actor } from "~/server/scope";
import { lockUnitRosters, tenureClashes } from "~/server/services/officer/tenure";
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
// Rows per INSERT: well under PostgreSQL's 65,535 parameters (10 columns a row).
const BATCH = 1_000;

/**
 * Writes the rows to the roster inside `tx` and checks the result with the roster's one rule
 * (server/services/officer/tenure.ts: one secretary a day, one post per person per unit at a
 * time), every problem into `errors` by row. The caller commits only when `errors` stays empty.
 *
 * Matching: a row with the same unit, name and 任职开始 as a stored tenure updates it (post,
 * 专职, 一肩挑, 任职结束); any other row is a new tenure, of the person of that name in the
 * unit's history (its latest tenure's person) or else of a new person. Tenures the file does not
 * mention stay as they are.
 */
export async function applyRoster(
  tx: Tx,
  actor: Actor,
  sheet: string,
  rows: RosterRow[],
  errors: ErrorList,
  ticker: RowTicker,
  onWritten?: (rows: number, total: number) => void,
) {
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

  const stored = new Map<string, Officer>();
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
  const updates: { row: RosterRow; id: number }[] = [];
  const creates: RosterRow[] = [];
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
    if (!old) creates.push(r);
    else if (old.post === r.post && old.fullTime === r.fullTime && old.concurrentHead === r.concurrentHead && old.toDate === r.to) {
      counts.unchanged++;
    } else updates.push({ row: r, id: old.id });
  }

  const toWrite = updates.length + creates.length;
  let written = 0;
  const wrote = (n: number) => {
    written += n;
    onWritten?.(written, toWrite);
  };
  onWritten?.(0, toWrite);
  for (const { row: r, id } of updates) {
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
      .where(eq(officers.id, id));
    wrote(1);
  }
  counts.updated = updates.length;

  // New people: one per unit and name not in the unit's history (rows of one person share it).
  const newPeople = [
    ...new Map(creates.filter((r) => !personOf.has(personKey(r.unitId, r.name))).map((r) => [personKey(r.unitId, r.name), r])).values(),
  ];
  for (let i = 0; i < newPeople.length; i += BATCH) {
    const part = newPeople.slice(i, i + BATCH);
    const made = await tx
      .insert(people)
      .values(part.map((r) => ({ name: r.name, createdBy: actor.id })))
      .returning({ id: people.id, name: people.name });
    // New people of one name are alike but for the id: any of them may go to any unit that needs one.
    const idsByName = new Map<string, number[]>();
    for (const p of made) idsByName.set(p.name, [...(idsByName.get(p.name) ?? []), p.id]);
    for (const r of part) personOf.set(personKey(r.unitId, r.name), idsByName.get(r.name)!.shift()!);
  }
  counts.newPeople = newPeople.length;

  const rowOf = new Map<number, RosterRow>(updates.map((u) => [u.id, u.row]));
  for (let i = 0; i < creates.length; i += BATCH) {
    const part = creates.slice(i, i + BATCH);
    const made = await tx
      .insert(officers)
      .values(
        part.map((r) => ({
          personId: personOf.get(personKey(r.unitId, r.name))!,
          unitId: r.unitId,
          post: r.post,
          fullTime: r.fullTime,
          concurrentHead: r.concurrentHead,
          fromDate: r.from,
          toDate: r.to,
          createdBy: actor.id,
          updatedBy: actor.id,
        })),
      )
      .returning({ id: officers.id, unitId: officers.unitId, personId: officers.personId, from: officers.fromDate });
    // Unit, person and start tell the new tenures apart (a second one would have matched the first).
    const byKey = new Map(part.map((r) => [`${r.unitId}|${personOf.get(personKey(r.unitId, r.name))}|${r.from}`, r]));
    for (const o of made) rowOf.set(o.id, byKey.get(`${o.unitId}|${o.personId}|${o.from}`)!);
    wrote(part.length);
  }
  counts.created = creates.length;

  // With every row in place, each written tenure must fit the roster — the others of the file included.
  for (const [id, message] of await tenureClashes(tx, [...rowOf.keys()])) errors.add(sheet, rowOf.get(id)!.row, H.from, message);
  return { ...counts, unitIds: [...new Set([...rowOf.values()].map((r) => r.unitId))] } satisfies Applied;
}
