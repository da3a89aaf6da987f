import type { Db } from "~/db/client";
import { reportDeadline } from "~/server/lib/quarter";
import { assertUnitInScope, readsOnlyOwnUnit, type Actor } from "~/server/scope";
import { completenessSummary } from "~/server/services/completeness/summary";
import { getSetting } from "~/server/services/settings/get";

/** `dashboard.completeness`: the overview's reporting-completeness figures for one quarter (counts only). */
export async function dashboardCompleteness({ db, actor }: { db: Db; actor: Actor }, input: { unitId: number; quarter: string }) {
  const root = await assertUnitInScope(db, actor, input.unitId, "read");
  const deadline = reportDeadline(input.quarter, await getSetting(db, "reportDeadlineDays"));
  return { quarter: input.quarter, deadline, ...(await completenessSummary(db, { root, onlyRoot: readsOnlyOwnUnit(actor), quarter: input.quarter, deadline })) };
}
