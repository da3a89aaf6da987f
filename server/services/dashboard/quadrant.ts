import "server-only";
import type { Db } from "~/db/client";
import { assertUnitInScope, readsOnlyOwnUnit, type Actor } from "~/server/scope";
import { breadcrumb } from "./breadcrumb";
import { childUnits } from "./children";
import { splitQuadrant, type QuadrantPoint } from "./quadrant-points";
import { unitsQuadrant } from "./quadrant-units";
import { readSubtreeScores } from "./scores";
import { getSetting } from "~/server/services/settings/get";
import { defaultInclusion, type ReportInclusion } from "~/lib/status";
import type { Thresholds } from "~/lib/scoring/quadrant-cutoff";
import { quadrantBinning, type QuadrantBin, type QuadrantBinning } from "~/lib/scoring/quadrant-bins";

export type QuadrantLevel = "children" | "units";
export type QuadrantInput = { unitId: number; quarter: string; include?: ReportInclusion; level?: QuadrantLevel };

/**
 * `dashboard.quadrant` (重业务轻党建): each unit of the next level (its subtree means, from the
 * rollups) or every unit below it by its own report, as business score against Party-building
 * composite. Every unit is a point — except, comparing every unit, above `binning.binAbove` of
 * them: then `points` is empty, `bins` counts them per cell of the grid (the chart draws a
 * density) and `flagged` holds the `binning.flaggedLimit` 重业务轻党建 units with the largest gap,
 * out of `flaggedTotal`. `total` is the number of units compared either way.
 */
export async function dashboardQuadrant(
  { db, actor }: { db: Db; actor: Actor },
  input: QuadrantInput,
  binning: QuadrantBinning = quadrantBinning,
) {
  const root = await assertUnitInScope(db, actor, input.unitId, "read");
  const include = input.include ?? defaultInclusion;
  const level = input.level ?? "children";
  const cutoff = await getSetting(db, "quadrantCutoff");
  let points: QuadrantPoint[] = [];
  let grid: {
    total: number;
    bins: QuadrantBin[];
    cell: number;
    thresholds: Thresholds;
    flagged: QuadrantPoint[];
    flaggedTotal: number;
  } | null = null;
  const children = readsOnlyOwnUnit(actor) ? [] : await childUnits(db, root.id);
  if (children.length > 0) {
    if (level === "units") {
      const units = await unitsQuadrant(db, {
        root,
        children: children.map((c) => c.id),
        quarter: input.quarter,
        include,
        cutoff,
        binning,
      });
      if (units.binned) grid = { ...units, cell: binning.cell };
      else points = units.points;
    } else {
      const scores = await readSubtreeScores(
        db,
        children.map((c) => c.id),
        { from: input.quarter, to: input.quarter },
        include,
      );
      for (const c of children) {
        const s = scores.get(c.id)?.get(input.quarter);
        if (s?.business != null && s.composite != null) {
          points.push({ id: c.id, name: c.name, business: s.business, party: s.composite, hasChildren: c.hasChildren });
        }
      }
    }
  }
  const split = grid ? { thresholds: grid.thresholds, flagged: grid.flagged } : splitQuadrant(points, cutoff);
  return {
    unitId: root.id,
    unitName: root.name,
    breadcrumb: await breadcrumb(db, actor, root),
    /** Units one level down that the caller may read (0 for staff): says why a quadrant is empty. */
    childCount: children.length,
    quarter: input.quarter,
    include,
    level,
    /** Every unit compared, one by one; empty when they are binned (`binned`). */
    points,
    ...split,
    /** How many units are compared (points, or the sum of the bins' counts). */
    total: grid?.total ?? points.length,
    /** The density grid when there are too many units to draw one by one: `cell` points square, lower edges. */
    binned: grid ? { cell: grid.cell, bins: grid.bins } : null,
    /** How many 重业务轻党建 units there are (`flagged` may list fewer when binned). */
    flaggedTotal: grid?.flaggedTotal ?? split.flagged.length,
  };
}
