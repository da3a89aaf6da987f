import "server-only";
import { and, eq, lte, or, sql } from "drizzle-orm";
import type { Db } from "~/db/client";
import { units } from "~/db/schema";
import { assertUnitInScope, inSubtreeSql, readsOnlyOwnUnit, type Actor } from "~/server/scope";
import { treeOrder } from "./tree-order";

export type UnitNode = {
  id: number;
  parentId: number | null;
  name: string;
  type: string;
  memberCount: number;
  depth: number;
  /** Whether it has active children the caller may read (the unit picker's lazy expand). */
  hasChildren: boolean;
};

/**
 * Units the actor may read below `rootId` (default: their own unit), down to `depth` levels, in
 * tree order (each unit right after its parent). `{rootId, depth: 1}` is one unit and its
 * children: the unit picker loads the tree that way, one level at a time.
 */
export async function unitTree({ db, actor }: { db: Db; actor: Actor }, input: { rootId?: number; depth?: number }): Promise<UnitNode[]> {
  const root = await assertUnitInScope(db, actor, input.rootId ?? actor.unitId, "read");
  const ownOnly = readsOnlyOwnUnit(actor);
  const columns = {
    id: units.id,
    parentId: units.parentId,
    name: units.name,
    type: units.type,
    memberCount: units.memberCount,
    depth: units.depth,
    // One probe of units_parent_idx per row; staff read no unit below their own.
    hasChildren: ownOnly
      ? sql<boolean>`false`.mapWith(Boolean)
      : sql<boolean>`exists (select 1 from units c where c.parent_id = "units"."id" and c.active)`.mapWith(Boolean),
  };
  if (ownOnly) {
    return db.select(columns).from(units).where(eq(units.id, root.id));
  }
  // One level (the picker's expand) is an index probe by parent, not a prefix scan of the whole subtree.
  const within =
    input.depth === 0
      ? eq(units.id, root.id)
      : input.depth === 1
        ? or(eq(units.id, root.id), eq(units.parentId, root.id))
        : and(inSubtreeSql(units, root), input.depth === undefined ? undefined : lte(units.depth, root.depth + input.depth));
  return db
    .select(columns)
    .from(units)
    .where(and(within, eq(units.active, true)))
    .orderBy(treeOrder);
}
