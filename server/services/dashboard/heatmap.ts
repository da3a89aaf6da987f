import "server-only";
import type { Db } from "~/db/client";
import { assertUnitInScope, readsOnlyOwnUnit, type Actor } from "~/server/scope";
import { childUnits } from "./children";
import { emptyScores, readSubtreeScores } from "./scores";
import { defaultInclusion, type ReportInclusion } from "~/lib/status";

export type HeatmapInput = { unitId: number; quarter: string; include?: ReportInclusion };

/**
 * `dashboard.heatmap`: the next level down, unit × category for one quarter, each cell the
 * mean over that unit's subtree — from the rollup table. Staff see no level below their unit.
 */
export async function dashboardHeatmap({ db, actor }: { db: Db; actor: Actor }, input: HeatmapInput) {
  const root = await assertUnitInScope(db, actor, input.unitId, "read");
  const include = input.include ?? defaultInclusion;
  const children = readsOnlyOwnUnit(actor) ? [] : await childUnits(db, root.id);
  const scores = await readSubtreeScores(
    db,
    children.map((c) => c.id),
    { from: input.quarter, to: input.quarter },
    include,
  );
  const rows = children.map((c) => ({ ...c, ...(scores.get(c.id)?.get(input.quarter) ?? emptyScores()) }));
  return { unitId: root.id, quarter: input.quarter, include, rows };
}
