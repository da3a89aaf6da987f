import "server-only";
import { eq, sql } from "drizzle-orm";
import { queryRows, type Db } from "~/db/client";
import { units } from "~/db/schema";
import { notFound } from "~/server/errors";
import { assertUnitInScope, canAccess, reachSql, readableFromSql, type Actor } from "~/server/scope";
import type { SearchUnitsInput } from "./schemas-picker";
import { m } from "~/lib/server-message";

/** A unit as the picker shows it: its name, type and the names of its ancestors within the caller's reach (top first). */
export type PickedUnit = { id: number; name: string; type: string; path: string[] };

const DEFAULT_LIMIT = 20;

/** A json array of names, as postgres.js (parsed) or PGlite (text) returns it. */
const parsePath = (v: unknown) => (typeof v === "string" ? (JSON.parse(v) as string[]) : (v as string[])).map(String);

/**
 * (The outer row is named as "units"."…": drizzle leaves a lone table's columns unqualified,
 * which inside this subquery would mean `a`.)
 * The ancestors' names, top first, from the materialised path (one primary-key probe per
 * level), cut at the top of what the caller may read, so no name outside their reach shows.
 */
const ancestorNames = (actor: Actor) =>
  sql<string[]>`(select coalesce(json_agg(a.name order by a.depth), '[]'::json) from units a
      where a.id = any(string_to_array(trim(both '/' from "units"."path"), '/')::int[])
        and a.id <> "units"."id" and ${reachSql(actor, "read", "a")})`.mapWith((v: unknown) => parsePath(v));

const pickedColumns = (actor: Actor) => ({
  id: units.id,
  name: units.name,
  type: units.type,
  path: ancestorNames(actor),
});

/**
 * `unit.search`: active units whose name contains `query`, among those the caller may read
 * (staff: their own unit), optionally below `rootId`; best matches first (exact, then the
 * name's start, then the shallowest), at most `limit`, and whether more matched. One SQL
 * round trip: the path prefix on units_path_idx, the name by `strpos` (a trigram index does not
 * help Chinese names; see docs/performance.md, “Unit picker”).
 */
export async function searchUnits({ db, actor }: { db: Db; actor: Actor }, input: SearchUnitsInput) {
  const root = input.rootId === undefined ? null : await assertUnitInScope(db, actor, input.rootId, "read");
  const limit = input.limit ?? DEFAULT_LIMIT;
  const needle = input.query.toLowerCase();
  const within = root ? readableFromSql(actor, root, "u") : reachSql(actor, "read", "u");
  // Rank and cut first, then name the ancestors of the few rows kept (not of every match).
  const rows = await queryRows<{ id: number; name: string; type: string; path: string[] | string }>(
    db,
    sql`with hits as (
          select u.id, u.name, u.type, u.path, row_number() over (
                   order by u.name = ${input.query} desc, starts_with(u.name, ${input.query}) desc,
                            u.depth, char_length(u.name), u.id) as rank
          from units u
          where ${within} and u.active and strpos(lower(u.name), ${needle}) > 0
          order by rank
          limit ${limit + 1})
        select h.id, h.name, h.type,
               (select coalesce(json_agg(a.name order by a.depth), '[]'::json) from units a
                 where a.id = any(string_to_array(trim(both '/' from h.path), '/')::int[])
                   and a.id <> h.id and ${reachSql(actor, "read", "a")}) as path
        from hits h
        order by h.rank`,
  );
  const picked = rows.map((r) => ({ id: Number(r.id), name: r.name, type: r.type, path: parsePath(r.path) }));
  return { units: picked.slice(0, limit), more: picked.length > limit };
}

/** `unit.get`: one unit the caller may read, as the picker shows it; outside their reach it does not exist. */
export async function getPickedUnit({ db, actor }: { db: Db; actor: Actor }, input: { id: number }): Promise<PickedUnit> {
  const [row] = await db
    .select({ ...pickedColumns(actor), unitPath: units.path })
    .from(units)
    .where(eq(units.id, input.id))
    .limit(1);
  if (!row || !canAccess(actor, { id: row.id, path: row.unitPath }, "read"))
    throw notFound(m("unit.notFoundOrOutOfReach", { id: input.id }));
  const { unitPath: _unitPath, ...unit } = row;
  return unit;
}
