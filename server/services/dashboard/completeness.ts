import "server-only";
import type { Db } from "~/db/client";
import { assertUnitInScope, readsOnlyOwnUnit, type Actor } from "~/server/scope";
import { completenessSummary } from "~/server/services/completeness/summary";
import { deadlineFor } from "~/server/services/deadline/rules";

/** `dashboard.completeness`: the overview's reporting-completeness figures for one quarter (counts only). */
export async function dashboardCompleteness({ db, actor }: { db: Db; actor: Actor }, input: { unitId: number; quarter: string }) {
  const root = await assertUnitInScope(db, actor, input.unitId, "read");
  const deadline = await deadlineFor(db, input.quarter);
  return {
    quarter: input.quarter,
    deadline,
    ...(await completenessSummary(db, { root, onlyRoot: readsOnlyOwnUnit(actor), quarter: input.quarter, deadline })),
  };
}
