import "server-only";
import { and, count, eq } from "drizzle-orm";
import type { Db } from "~/db/client";
import { units, users } from "~/db/schema";
import { preconditionFailed } from "~/server/errors";
import { assertCapability, type Actor } from "~/server/scope";
import { staleAnnualScores } from "~/server/services/assessment/grade-store";
import { writeAudit } from "~/server/services/audit/write";
import { refreshUnitRollups } from "~/server/services/rollup/tree-counts";
import { addQuarters, quarterOf } from "~/lib/quarter";
import { lockTreeStructure, lockUnit } from "./guards";
import type { SetUnitActiveInput } from "./schemas";
import { m } from "~/lib/server-message";

/**
 * Deactivates or reactivates a unit (admin only). Nothing is deleted: reports and audit rows
 * stay, the unit just leaves the tree that pickers and dashboards show. Refused while the unit
 * still has active users or active child units, so no one is left working in a hidden unit.
 */
export async function setUnitActive({ db, actor }: { db: Db; actor: Actor }, input: SetUnitActiveInput) {
  assertCapability(actor, "manageUnits");
  return db.transaction(async (tx) => {
    await lockTreeStructure(tx);
    // The row lock comes before the counts: a user being added here concurrently (which takes a
    // share lock on this row) is either refused afterwards or counted here.
    const unit = await lockUnit(tx, input.id, "update");
    if (unit.active === input.active) return { id: unit.id, active: unit.active };

    if (!input.active) {
      if (unit.parentId === null) throw preconditionFailed(m("unit.theRootUnitCannotBeDeactivated"));
      const [people] = await tx
        .select({ n: count() })
        .from(users)
        .where(and(eq(users.unitId, unit.id), eq(users.active, true)));
      const [children] = await tx
        .select({ n: count() })
        .from(units)
        .where(and(eq(units.parentId, unit.id), eq(units.active, true)));
      const userCount = people?.n ?? 0;
      const childCount = children?.n ?? 0;
      if (userCount > 0 || childCount > 0) throw preconditionFailed(stillInUse(unit.name, userCount, childCount));
    } else if (unit.parentId !== null) {
      const parent = await lockUnit(tx, unit.parentId, "share");
      if (!parent.active) {
        throw preconditionFailed(m("unit.enableTheParentUnitFirst", { name: parent.name }));
      }
    }

    // A deactivated unit still owes the quarters that ended before it was deactivated, no later one.
    const reportsUntil = input.active ? null : addQuarters(quarterOf(new Date()), -1);
    await tx.update(units).set({ active: input.active, reportsUntil }).where(eq(units.id, unit.id));
    // The graded set changes: the unit's stored annual scores are recomputed when it is graded again.
    // Only active units are expected to hold 三会一课: the count rollups. Before the stored scores, as an
    // approval takes the rollup lock before those rows (one order, no deadlock).
    await refreshUnitRollups(tx, [unit.id], { meetings: true });
    await staleAnnualScores(tx, "all", [unit.id]);
    await writeAudit(tx, actor, {
      action: "unit.setActive",
      entity: "unit",
      entityId: unit.id,
      unitId: unit.id,
      before: { active: unit.active, reportsUntil: unit.reportsUntil },
      after: { active: input.active, reportsUntil },
    });
    return { id: unit.id, active: input.active };
  });
}

function stillInUse(name: string, userCount: number, childCount: number): string {
  const zh = [userCount > 0 ? `${userCount} 名启用的用户` : "", childCount > 0 ? `${childCount} 个启用的下级单位` : ""];
  const en = [userCount > 0 ? `${userCount} active user(s)` : "", childCount > 0 ? `${childCount} active child unit(s)` : ""];
  const todo = [userCount > 0 ? "停用这些用户或将其调至其他单位" : "", childCount > 0 ? "停用或移走下级单位" : ""];
  const join = (parts: string[], sep: string) => parts.filter(Boolean).join(sep);
  return m("unit.theUnitStillHas", { name, whatZh: join(zh, "、"), todo: join(todo, "，并"), whatEn: join(en, " and ") });
}
