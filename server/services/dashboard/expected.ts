import type { Db } from "~/db/client";
import type { Unit } from "~/db/schema";
import { reportDeadline } from "~/server/lib/quarter";
import { completenessSummary } from "~/server/services/completeness/summary";
import { getSetting } from "~/server/services/settings/get";

/**
 * How many units of a subtree (or the unit alone) are expected to report in each quarter — the
 * completeness figures' `total`, so charts and the completeness card agree on who counts (units
 * created later or deactivated are the completeness rule's business, not the charts').
 */
export async function expectedUnits(db: Db, root: Pick<Unit, "id" | "path">, onlyRoot: boolean, quarters: string[]): Promise<Map<string, number>> {
  const days = await getSetting(db, "reportDeadlineDays");
  const totals = await Promise.all(
    quarters.map((quarter) => completenessSummary(db, { root, onlyRoot, quarter, deadline: reportDeadline(quarter, days) }).then((s) => s.total)),
  );
  return new Map(quarters.map((q, i) => [q, totals[i]!]));
}
