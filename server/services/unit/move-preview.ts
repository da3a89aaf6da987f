import "server-only";
import { eq, sql } from "drizzle-orm";
import { queryRows, type Db } from "~/db/client";
import { assertCapability, inSubtreeSql, type Actor } from "~/server/scope";
import { units } from "~/db/schema";
import { notFound } from "~/server/errors";
import { m } from "~/lib/server-message";

type Counts = {
  units: string | number;
  active_units: string | number;
  users: string | number;
  active_users: string | number;
  reports: string | number;
  open_cases: string | number;
};

/**
 * What moves with a unit (admin only): the units of its subtree, the user accounts working in
 * them, their quarterly reports and open cases — counted in one query, shown before the admin confirms.
 */
export async function previewUnitMove({ db, actor }: { db: Db; actor: Actor }, input: { id: number }) {
  assertCapability(actor, "manageUnits");
  const [unit] = await db.select().from(units).where(eq(units.id, input.id)).limit(1);
  if (!unit) throw notFound(m("unit.unitNotFound", { id: input.id }));
  const moving = inSubtreeSql("u", unit);
  const [row] = await queryRows<Counts>(
    db,
    sql`select (select count(*) from units u where ${moving}) as units,
               (select count(*) from units u where ${moving} and active) as active_units,
               (select count(*) from users s join units u on u.id = s.unit_id where ${moving}) as users,
               (select count(*) from users s join units u on u.id = s.unit_id where ${moving} and s.active) as active_users,
               (select count(*) from reports r join units u on u.id = r.unit_id where ${moving}) as reports,
               (select count(*) from cases c join units u on u.id = c.unit_id where ${moving} and c.status <> 'closed') as open_cases`,
  );
  const n = (k: keyof Counts) => Number(row?.[k] ?? 0);
  return {
    id: unit.id,
    name: unit.name,
    units: n("units"),
    activeUnits: n("active_units"),
    users: n("users"),
    activeUsers: n("active_users"),
    reports: n("reports"),
    openCases: n("open_cases"),
  };
}
