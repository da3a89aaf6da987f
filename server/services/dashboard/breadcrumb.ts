import "server-only";
import { inArray } from "drizzle-orm";
import type { Db } from "~/db/client";
import { units, type Unit } from "~/db/schema";
import { readRootPath, type Actor } from "~/server/scope";
import { pathIds } from "~/lib/unit-hierarchy";

/**
 * The drill-down trail from the top of what the caller may read down to `unit`: the units of
 * its path from the caller's own unit (or the tree's root for whole-tree readers).
 */
export async function breadcrumb(db: Db, actor: Actor, unit: Pick<Unit, "id" | "path">) {
  const ids = pathIds(unit.path);
  const top = readRootPath(actor) === "/" ? 0 : Math.max(0, ids.indexOf(actor.unitId));
  const trail = ids.slice(top);
  const rows = await db.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, trail));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return trail.map((id) => byId.get(id)).filter((r): r is { id: number; name: string } => !!r);
}
