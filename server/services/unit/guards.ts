import "server-only";
import { and, eq, ne, sql } from "drizzle-orm";
import type { Tx } from "~/db/client";
import { advisoryLocks } from "~/db/locks";
import { units, type Unit, type UnitType } from "~/db/schema";
import { allowedChildTypes, canHaveChildren, mayHangUnder, typesFitting } from "~/lib/unit-hierarchy";
import { badInput, notFound } from "~/server/errors";
import { m } from "~/lib/server-message";

/**
 * Serialises the writes that change the shape of the tree (create, move, (de)activate). A move
 * rewrites the paths of a whole subtree in one statement, and that statement cannot see a
 * child inserted by a transaction that commits while it runs; holding one lock for the few
 * structural admin writes is simpler and safer than reasoning about row locks per ancestor.
 */
export async function lockTreeStructure(tx: Tx): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${advisoryLocks.treeStructure})`);
}

/** Loads a unit with a row lock (`update` before changing it, `share` before hanging something under it). */
export async function lockUnit(tx: Tx, id: number, mode: "update" | "share"): Promise<Unit> {
  const [unit] = await tx.select().from(units).where(eq(units.id, id)).for(mode).limit(1);
  if (!unit) throw notFound(m("unit.unitNotFound", { id }));
  return unit;
}

/** The unit that will become a parent, or a message on the `parentId` field. */
export async function lockParent(tx: Tx, id: number): Promise<Unit> {
  const [unit] = await tx.select().from(units).where(eq(units.id, id)).for("share").limit(1);
  if (!unit) throw badInput({ parentId: m("unit.parentUnitNotFound", { id }) });
  return unit;
}

/** Two units with one name under one parent cannot be told apart in pickers and reports. */
export async function assertNameFree(tx: Tx, parentId: number, name: string, exceptId?: number): Promise<void> {
  const [clash] = await tx
    .select({ id: units.id })
    .from(units)
    .where(and(eq(units.parentId, parentId), eq(units.name, name), ...(exceptId ? [ne(units.id, exceptId)] : [])))
    .limit(1);
  if (clash) throw badInput({ name: m("unit.aSiblingUnitAlreadyHasThis", { name }) });
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
    reportsFrom: u.reportsFrom,
    reportsUntil: u.reportsUntil,
  };
}

const typeName: Record<UnitType, { zh: string; en: string }> = {
  committee: { zh: "党委", en: "Party committee" },
  general_branch: { zh: "党总支", en: "general branch" },
  branch: { zh: "党支部", en: "branch" },
  department: { zh: "部门", en: "department" },
};

/** The message on `field` when a unit of `childType` may not hang under `parent` (null when it may). */
export function placementError(childType: UnitType, parent: Pick<Unit, "name" | "type">): string | null {
  if (mayHangUnder(childType, parent.type)) return null;
  const p = typeName[parent.type];
  const c = typeName[childType];
  if (!canHaveChildren(parent.type)) {
    return m("unit.aCannotHaveUnitsBelowIt", { name: parent.name, zh: p.zh, en: p.en });
  }
  const allowed = allowedChildTypes[parent.type];
  return m("unit.underAOnlyMayStandNot", {
    name: parent.name,
    zh: p.zh,
    allowedZh: allowed.map((t) => typeName[t].zh).join("、"),
    zh2: c.zh,
    en: p.en,
    allowedEn: allowed.map((t) => typeName[t].en).join(", "),
    en2: c.en,
  });
}

/** Refuses a type change that would leave the unit under a parent that cannot hold it, or above children it cannot hold. */
export async function assertTypeFits(tx: Tx, unit: Unit, type: UnitType): Promise<void> {
  const parent = unit.parentId === null ? null : await lockUnit(tx, unit.parentId, "share");
  const childTypes = (await tx.selectDistinct({ type: units.type }).from(units).where(eq(units.parentId, unit.id))).map((r) => r.type);
  if (typesFitting(parent?.type ?? null, childTypes).includes(type)) return;
  const name = typeName[type];
  if (parent && !mayHangUnder(type, parent.type)) {
    throw badInput({ type: placementError(type, parent)! });
  }
  const below = childTypes.filter((c) => !mayHangUnder(c, type)).map((c) => typeName[c]);
  throw badInput({
    type: m("unit.itHasBelowItWhichA", {
      name: unit.name,
      belowZh: below.map((b) => b.zh).join("、"),
      zh: name.zh,
      belowEn: below.map((b) => b.en).join(", "),
      en: name.en,
    }),
  });
}
