import "server-only";
import { and, asc, gte, inArray, lte } from "drizzle-orm";
import type { Db, Tx } from "~/db/client";
import { meetings, reportValues, reports, units, type Meeting, type Report, type Unit } from "~/db/schema";
import { canAccess, inSubtreeSql, type Actor } from "~/server/scope";
import { pathIds } from "~/lib/unit-hierarchy";

// PostgreSQL takes at most 65,535 parameters per statement; a whole-tree file can hold more ids.
const CHUNK = 5_000;

export function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

export const reportKey = (unitId: number, quarter: string) => `${unitId}|${quarter}`;

/** Units by id (missing ids are simply absent). */
export async function unitsById(db: Db | Tx, ids: Iterable<number>): Promise<Map<number, Unit>> {
  const out = new Map<number, Unit>();
  for (const part of chunks([...new Set(ids)])) {
    for (const u of await db.select().from(units).where(inArray(units.id, part))) out.set(u.id, u);
  }
  return out;
}

export type StoredReport = Report & { values: Map<string, number> };

/** The stored reports (with values by code unless told not to) of the given unit × quarter pairs, keyed by `reportKey`. */
export async function reportsByKey(
  db: Db | Tx,
  pairs: { unitId: number; quarter: string }[],
  opts: { values?: boolean } = {},
): Promise<Map<string, StoredReport>> {
  const wanted = new Set(pairs.map((p) => reportKey(p.unitId, p.quarter)));
  const quarters = [...new Set(pairs.map((p) => p.quarter))];
  const out = new Map<string, StoredReport>();
  if (quarters.length === 0) return out;
  for (const part of chunks([...new Set(pairs.map((p) => p.unitId))])) {
    const rows = await db
      .select()
      .from(reports)
      .where(and(inArray(reports.unitId, part), inArray(reports.quarter, quarters)));
    for (const r of rows)
      if (wanted.has(reportKey(r.unitId, r.quarter))) out.set(reportKey(r.unitId, r.quarter), { ...r, values: new Map() });
  }
  if (opts.values ?? true) await attachValues(db, [...out.values()]);
  return out;
}

/** Fills `values` of the given reports in a few round trips. */
export async function attachValues(db: Db | Tx, list: StoredReport[]): Promise<void> {
  const byId = new Map(list.map((r) => [r.id, r]));
  for (const part of chunks([...byId.keys()])) {
    const rows = await db.select().from(reportValues).where(inArray(reportValues.reportId, part));
    for (const v of rows) byId.get(v.reportId)?.values.set(v.indicatorCode, v.value);
  }
}

function byTreeOrder(a: Unit, b: Unit): number {
  const [pa, pb] = [pathIds(a.path), pathIds(b.path)];
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) if (pa[i] !== pb[i]) return pa[i]! - pb[i]!;
  return pa.length - pb.length;
}

/** The units of `root`'s subtree the actor may read, parents before children (staff: their own unit only). */
export async function readableSubtree(db: Db | Tx, actor: Actor, root: Unit): Promise<Unit[]> {
  const rows = await db.select().from(units).where(inSubtreeSql(units, root));
  return rows.filter((u) => canAccess(actor, u, "read")).sort(byTreeOrder);
}

/** The meetings of the given units from `from` to `to` (quarters), by date. */
export async function meetingsOf(db: Db, unitIds: number[], from: string, to: string): Promise<Meeting[]> {
  const out: Meeting[] = [];
  for (let i = 0; i < unitIds.length; i += 5_000) {
    out.push(
      ...(await db
        .select()
        .from(meetings)
        .where(and(inArray(meetings.unitId, unitIds.slice(i, i + 5_000)), gte(meetings.quarter, from), lte(meetings.quarter, to)))
        .orderBy(asc(meetings.date), asc(meetings.id))),
    );
  }
  return out.sort((a, b) => a.date.localeCompare(b.date) || a.id - b.id);
}
