import { and, asc, desc, eq, like, sql, type SQL } from "drizzle-orm";
import type { Db } from "~/db/client";
import { units } from "~/db/schema";
import { notFound } from "~/server/errors";
import { assertUnitInScope, canAccess, readRootPath, readsOnlyOwnUnit, type Actor } from "~/server/scope";
import type { SearchUnitsInput } from "./schemas-picker";

/** A unit as the picker shows it: its name, type and the names of its ancestors within the caller's reach (top first). */
export type PickedUnit = { id: number; name: string; type: string; path: string[] };

const DEFAULT_LIMIT = 20;

/** `%`, `_` and `\` typed by a person are literal characters, not patterns. */
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * (The outer row is named as "units"."…": drizzle leaves a lone table's columns unqualified,
 * which inside this subquery would mean `a`.)
 * The ancestors' names, top first, from the materialised path (one primary-key probe per
 * level), cut at the top of what the caller may read, so no name outside their reach shows.
 */
const ancestorNames = (reachPath: string) =>
  sql<string[]>`(select coalesce(json_agg(a.name order by a.depth), '[]'::json) from units a
      where a.id = any(string_to_array(trim(both '/' from "units"."path"), '/')::int[])
        and a.id <> "units"."id" and a.path like ${`${escapeLike(reachPath)}%`})`.mapWith((v: unknown) =>
    (typeof v === "string" ? (JSON.parse(v) as string[]) : (v as string[])).map(String),
  );

const pickedColumns = (actor: Actor) => ({
  id: units.id,
  name: units.name,
  type: units.type,
  path: ancestorNames(readRootPath(actor)),
});

/**
 * `unit.search`: active units whose name contains `query`, among those the caller may read
 * (staff: their own unit), optionally below `rootId`; best matches first (exact, then the
 * name's start, then the shallowest), at most `limit`, and whether more matched. In SQL on
 * indexes: the path prefix (units_path_idx) and the name pattern (units_name_trgm_idx).
 */
export async function searchUnits({ db, actor }: { db: Db; actor: Actor }, input: SearchUnitsInput) {
  const root = input.rootId === undefined ? null : await assertUnitInScope(db, actor, input.rootId, "read");
  const limit = input.limit ?? DEFAULT_LIMIT;
  const q = escapeLike(input.query);
  const within: SQL | undefined = readsOnlyOwnUnit(actor)
    ? eq(units.id, actor.unitId)
    : like(units.path, `${escapeLike(root?.path ?? readRootPath(actor))}%`);
  const rows = await db
    .select(pickedColumns(actor))
    .from(units)
    .where(and(within, eq(units.active, true), sql`${units.name} ilike ${`%${q}%`}`))
    .orderBy(
      desc(sql`lower(${units.name}) = lower(${input.query})`),
      desc(sql`${units.name} ilike ${`${q}%`}`),
      asc(units.depth),
      asc(sql`char_length(${units.name})`),
      asc(units.id),
    )
    .limit(limit + 1);
  return { units: rows.slice(0, limit) as PickedUnit[], more: rows.length > limit };
}

/** `unit.get`: one unit the caller may read, as the picker shows it; outside their reach it does not exist. */
export async function getPickedUnit({ db, actor }: { db: Db; actor: Actor }, input: { id: number }): Promise<PickedUnit> {
  const [row] = await db
    .select({ ...pickedColumns(actor), unitPath: units.path })
    .from(units)
    .where(eq(units.id, input.id))
    .limit(1);
  if (!row || !canAccess(actor, { id: row.id, path: row.unitPath }, "read")) throw notFound(`单位不存在或无权查看（unit ${input.id} not found）`);
  const { unitPath: _unitPath, ...unit } = row;
  return unit;
}
