import "server-only";
import { and, asc, count, eq, ilike, or, type SQL } from "drizzle-orm";
import type { Db } from "~/db/client";
import { units, users } from "~/db/schema";
import { badInput } from "~/server/errors";
import { assertCapability, inSubtreeSql, type Actor } from "~/server/scope";
import { publicUserColumns } from "./guards";
import type { ListUsersInput } from "./schemas";
import { m } from "~/lib/server-message";
import { escapeLike } from "~/lib/like-pattern";

/** One page of users for the admin (filter by unit subtree, role, status; search username or name). */
export async function listUsers({ db, actor }: { db: Db; actor: Actor }, input: ListUsersInput) {
  assertCapability(actor, "manageUsers");
  const where: SQL[] = [];
  if (input.unitId !== undefined) {
    const [root] = await db.select({ path: units.path }).from(units).where(eq(units.id, input.unitId)).limit(1);
    if (!root) throw badInput({ unitId: m("user.unitNotFound", { unitId: input.unitId }) });
    where.push(inSubtreeSql(units, root));
  }
  if (input.role) where.push(eq(users.role, input.role));
  if (input.active !== undefined) where.push(eq(users.active, input.active));
  if (input.search) {
    const pattern = `%${escapeLike(input.search)}%`;
    where.push(or(ilike(users.username, pattern), ilike(users.displayName, pattern))!);
  }
  const condition = and(...where);

  const [items, [total]] = await Promise.all([
    db
      .select({ ...publicUserColumns, unitName: units.name, unitActive: units.active })
      .from(users)
      .innerJoin(units, eq(units.id, users.unitId))
      .where(condition)
      .orderBy(asc(users.username))
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize),
    db.select({ n: count() }).from(users).innerJoin(units, eq(units.id, users.unitId)).where(condition),
  ]);
  return { items, total: total?.n ?? 0, page: input.page, pageSize: input.pageSize };
}
