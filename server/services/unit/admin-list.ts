import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Db } from "~/db/client";
import { units, users } from "~/db/schema";
import { assertCapability, type Actor } from "~/server/scope";
import { treeOrder } from "./tree-order";

/**
 * Every unit, inactive ones included, in tree order with its user counts (admin only). Ordered
 * by the path's ids as integers, so children follow their parent and siblings keep creation order
 * whatever the database collation.
 */
export async function adminListUnits({ db, actor }: { db: Db; actor: Actor }) {
  assertCapability(actor, "manageUnits");
  return db
    .select({
      id: units.id,
      parentId: units.parentId,
      name: units.name,
      type: units.type,
      path: units.path,
      depth: units.depth,
      memberCount: units.memberCount,
      secretaryIsHead: units.secretaryIsHead,
      fullTimeStaff: units.fullTimeStaff,
      active: units.active,
      activeUsers: sql<number>`count(${users.id}) filter (where ${users.active})`.mapWith(Number),
      users: sql<number>`count(${users.id})`.mapWith(Number),
    })
    .from(units)
    .leftJoin(users, eq(users.unitId, units.id))
    .groupBy(units.id)
    .orderBy(treeOrder);
}
