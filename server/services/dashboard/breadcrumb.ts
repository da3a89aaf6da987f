import "server-only";
import { inArray, sql } from "drizzle-orm";
import type { Db } from "~/db/client";
import { units, type Unit } from "~/db/schema";
import { readRootPath, type Actor } from "~/server/scope";
import { pathIds } from "~/lib/unit-hierarchy";

/**
 * The drill-down trail from the top of what the caller may read down to `unit`: the units of
 * its path from the caller's own unit (or the tree's root for whole-tree readers).
 */
export async function breadcrumb(db: Db, actor: Actor, unit: Pick<Unit, "id" | "path">) {
  const trail = breadcrumbTrail(actor, unit);
  return breadcrumbOf(trail, await db.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, trail)));
}

/** The ids of the trail, top first (never empty: `unit` itself is last). */
export function breadcrumbTrail(actor: Actor, unit: Pick<Unit, "id" | "path">): number[] {
  const ids = pathIds(unit.path);
  const top = readRootPath(actor) === "/" ? 0 : Math.max(0, ids.indexOf(actor.unitId));
  return ids.slice(top);
}

/** The query of `breadcrumb` for a trail (rows for `breadcrumbOf`), for reads that batch it with others. */
export const breadcrumbSql = (trail: number[]) =>
  sql`select id, name from units where id in (${sql.join(
    trail.map((id) => sql`${id}`),
    sql`, `,
  )})`;

/** The trail's units in order, from the rows read. */
export function breadcrumbOf(trail: number[], rows: { id: number; name: string }[]) {
  const byId = new Map(rows.map((r) => [Number(r.id), { id: Number(r.id), name: r.name }]));
  return trail.map((id) => byId.get(id)).filter((r): r is { id: number; name: string } => !!r);
}
