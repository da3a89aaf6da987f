import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Tx } from "~/db/client";
import { units } from "~/db/schema";
import { insertFacts, regionOf } from "./facts";
import { pathIds } from "~/lib/unit-hierarchy";
import { lockRollups, recomputeChain } from "./subtree-sql";
import { refreshCountRollupsAfterMove } from "./tree-counts";
import { refreshQuadrantAfterMove, refreshQuadrantForReport } from "./quadrant";
import { inSubtreeSql } from "~/server/scope";
import { staleAnnualScores, yearOf } from "~/server/services/assessment/grade-store";

/**
 * Refreshes the analytics after one report changed status or content (DHIS2-style analytics
 * tables kept current in the writing transaction): the unit's facts for that quarter, then
 * the rollups of the unit and each of its ancestors, bottom-up — a handful of indexed
 * statements whatever the size of the tree.
 */
export async function refreshRollupsForReport(tx: Tx, unitId: number, quarter: string): Promise<void> {
  const [unit] = await tx.select({ path: units.path }).from(units).where(eq(units.id, unitId)).limit(1);
  if (!unit) return;
  await lockRollups(tx);
  await tx.execute(sql`delete from unit_scores where unit_id = ${unitId} and quarter = ${quarter}`);
  await insertFacts(tx, sql`r.unit_id = ${unitId} and r.quarter = ${quarter}`);
  await recomputeChain(tx, pathIds(unit.path).reverse(), [quarter]);
  // The quadrant's pair of scores and the cells it left and entered (./quadrant.ts).
  await refreshQuadrantForReport(tx, { id: unitId, path: unit.path }, quarter);
  // The unit's quarterly composite is a grade input of that year.
  await staleAnnualScores(tx, yearOf(quarter), [unitId]);
}

/**
 * After a unit (with its subtree) moved from `oldPath` to its new place: the facts and
 * rollups inside the subtree are unchanged except for their region; the old and the new
 * ancestors are recomputed over all quarters.
 */
export async function refreshRollupsAfterMove(tx: Tx, input: { unitId: number; oldPath: string; newPath: string }): Promise<void> {
  await lockRollups(tx);
  const newRegion = regionOf("u");
  const inSubtree = inSubtreeSql("u", { path: input.newPath });
  await tx.execute(sql`update unit_scores f set region_id = ${newRegion} from units u where u.id = f.unit_id and ${inSubtree}`);
  await tx.execute(sql`update subtree_scores s set region_id = ${newRegion} from units u where u.id = s.root_unit_id and ${inSubtree}`);
  const oldAncestors = pathIds(input.oldPath).filter((id) => id !== input.unitId);
  const newAncestors = pathIds(input.newPath).filter((id) => id !== input.unitId);
  // Deepest first along each chain; shared ancestors are recomputed after both chains' lower parts.
  const shared = oldAncestors.filter((id) => newAncestors.includes(id));
  const oldOnly = oldAncestors.filter((id) => !shared.includes(id)).reverse();
  const newOnly = newAncestors.filter((id) => !shared.includes(id)).reverse();
  await recomputeChain(tx, [...oldOnly, ...newOnly, ...shared.reverse()], null);
  // The quadrant's facts and cells (./quadrant.ts).
  await refreshQuadrantAfterMove(tx, input);
  // The case and meeting-quality rollups of both chains (./tree-counts.ts).
  await refreshCountRollupsAfterMove(tx, input);
}
