import "server-only";
import { isBusinessOverParty, quadrantThresholds, type QuadrantCutoff } from "~/lib/scoring/quadrant-cutoff";

/** A unit in the 重业务轻党建 quadrant chart: business score (x) against Party-building score (y). */
export type QuadrantPoint = { id: number; name: string; business: number; party: number; hasChildren: boolean };

/**
 * The quadrant's dividing lines (the admin's cut-off: the means of the points drawn, or fixed
 * thresholds) and the units of the 重业务轻党建 quadrant, listed by how far business runs
 * ahead of Party building.
 */
export function splitQuadrant(points: QuadrantPoint[], cutoff: QuadrantCutoff) {
  const thresholds = quadrantThresholds(points, cutoff);
  const flagged = points
    .filter((p) => isBusinessOverParty(p, thresholds))
    .sort((a, b) => b.business - b.party - (a.business - a.party) || a.id - b.id);
  return { thresholds, flagged };
}
