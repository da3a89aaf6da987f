import "server-only";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "~/db/client";
import { units } from "~/db/schema";
import { badInput } from "~/server/errors";
import { canHaveChildren } from "~/lib/unit-hierarchy";
import { assertCapability, type Actor } from "~/server/scope";
import { writeAudit } from "~/server/services/audit/write";
import { refreshUnitRollups } from "~/server/services/rollup/tree-counts";
import { addQuarters, formatQuarter, quarterOf } from "~/lib/quarter";
import { assertNameFree, lockParent, lockTreeStructure, placementError, unitSnapshot } from "./guards";
import type { CreateUnitInput } from "./schemas";
import { m } from "~/lib/server-message";

/**
 * Creates a unit under an active parent that may hold its type (admin only); returns the new unit.
 * It owes reports from the quarter it is created in, or from the start quarter given.
 */
export async function createUnit({ db, actor }: { db: Db; actor: Actor }, input: CreateUnitInput) {
  assertCapability(actor, "manageUnits");
  return db.transaction(async (tx) => {
    await lockTreeStructure(tx);
    const parent = await lockParent(tx, input.parentId);
    if (!parent.active) throw badInput({ parentId: m("unit.theParentUnitIsInactive", { name: parent.name }) });
    const misplaced = placementError(input.type, parent);
    if (misplaced) throw badInput(canHaveChildren(parent.type) ? { type: misplaced } : { parentId: misplaced });
    await assertNameFree(tx, parent.id, input.name);
    const current = quarterOf(new Date());
    const reportsFrom = input.startQuarter ?? current;
    const latest = addQuarters(current, 4);
    if (reportsFrom > latest) {
      throw badInput({
        startQuarter: m("unit.theFirstReportingQuarterCanBe", {
          latestZh: formatQuarter(latest, "zh-CN"),
          latestEn: formatQuarter(latest, "en"),
        }),
      });
    }

    // Take the id first so the row is inserted with its final path in one write.
    const [next] = await queryRows<{ id: string | number }>(tx, sql`select nextval(pg_get_serial_sequence('units', 'id')) as id`);
    const id = Number(next!.id);
    const [created] = await tx
      .insert(units)
      .values({
        id,
        parentId: parent.id,
        name: input.name,
        type: input.type,
        path: `${parent.path}${id}/`,
        depth: parent.depth + 1,
        memberCount: input.memberCount,
        secretaryIsHead: input.secretaryIsHead,
        fullTimeStaff: input.fullTimeStaff,
        reportsFrom,
      })
      .returning();
    // One more active unit of its kind in every subtree above it (the 三会一课 required).
    await refreshUnitRollups(tx, [id], { meetings: false });
    await writeAudit(tx, actor, { action: "unit.create", entity: "unit", entityId: id, unitId: id, after: unitSnapshot(created!) });
    return { id, path: created!.path, depth: created!.depth, reportsFrom };
  });
}
