import { and, eq, ne, sql } from "drizzle-orm";
import type { Tx } from "~/db/client";
import { units, type Unit } from "~/db/schema";
import { badInput, notFound } from "~/server/errors";

// Any number unique to this lock; the demo seeder uses 7263515.
const TREE_STRUCTURE_LOCK = 7263516;

/**
 * Serialises the writes that change the shape of the tree (create, move, (de)activate). A move
 * rewrites the paths of a whole subtree in one statement, and that statement cannot see a
 * child inserted by a transaction that commits while it runs; holding one lock for the few
 * structural admin writes is simpler and safer than reasoning about row locks per ancestor.
 */
export async function lockTreeStructure(tx: Tx): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${TREE_STRUCTURE_LOCK})`);
}

/** Loads a unit with a row lock (`update` before changing it, `share` before hanging something under it). */
export async function lockUnit(tx: Tx, id: number, mode: "update" | "share"): Promise<Unit> {
  const [unit] = await tx.select().from(units).where(eq(units.id, id)).for(mode).limit(1);
  if (!unit) throw notFound(`单位不存在（unit ${id} not found）`);
  return unit;
}

/** The unit that will become a parent, or a message on the `parentId` field. */
export async function lockParent(tx: Tx, id: number): Promise<Unit> {
  const [unit] = await tx.select().from(units).where(eq(units.id, id)).for("share").limit(1);
  if (!unit) throw badInput({ parentId: `上级单位不存在（parent unit ${id} not found）` });
  return unit;
}

/** Two units with one name under one parent cannot be told apart in pickers and reports. */
export async function assertNameFree(tx: Tx, parentId: number, name: string, exceptId?: number): Promise<void> {
  const [clash] = await tx
    .select({ id: units.id })
    .from(units)
    .where(and(eq(units.parentId, parentId), eq(units.name, name), ...(exceptId ? [ne(units.id, exceptId)] : [])))
    .limit(1);
  if (clash) throw badInput({ name: `同一上级单位下已有名为“${name}”的单位（a sibling unit already has this name）` });
}

/** What the audit log records of a unit. */
export function unitSnapshot(u: Unit) {
  return {
    name: u.name,
    type: u.type,
    parentId: u.parentId,
    path: u.path,
    depth: u.depth,
    memberCount: u.memberCount,
    secretaryIsHead: u.secretaryIsHead,
    fullTimeStaff: u.fullTimeStaff,
    active: u.active,
  };
}
