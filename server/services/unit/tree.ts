import { and, asc, eq, like, lte } from "drizzle-orm";
import type { Db } from "~/db/client";
import { units } from "~/db/schema";
import { assertUnitInScope, readsOnlyOwnUnit, type Actor } from "~/server/scope";

export type UnitNode = {
  id: number;
  parentId: number | null;
  name: string;
  type: string;
  memberCount: number;
  depth: number;
};

/** Units the actor may read below `rootId` (default: their own unit), down to `depth` levels. */
export async function unitTree(
  { db, actor }: { db: Db; actor: Actor },
  input: { rootId?: number; depth?: number },
): Promise<UnitNode[]> {
  const root = await assertUnitInScope(db, actor, input.rootId ?? actor.unitId, "read");
  const columns = {
    id: units.id,
    parentId: units.parentId,
    name: units.name,
    type: units.type,
    memberCount: units.memberCount,
    depth: units.depth,
  };
  if (readsOnlyOwnUnit(actor)) {
    return db.select(columns).from(units).where(eq(units.id, root.id));
  }
  const depthLimit = input.depth === undefined ? [] : [lte(units.depth, root.depth + input.depth)];
  return db
    .select(columns)
    .from(units)
    .where(and(like(units.path, `${root.path}%`), eq(units.active, true), ...depthLimit))
    .orderBy(asc(units.depth), asc(units.id));
}
