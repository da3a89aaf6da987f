/** A unit in the 重业务轻党建 quadrant chart: business score (x) against Party-building score (y). */
export type QuadrantPoint = { id: number; name: string; business: number; party: number; hasChildren: boolean };

/**
 * The quadrant's dividing lines are the means of the points drawn; the units at or above the
 * business mean and below the Party-building mean are the 重业务轻党建 quadrant, listed by how
 * far business runs ahead of Party building.
 */
export function splitQuadrant(points: QuadrantPoint[]) {
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
  const thresholds = { business: mean(points.map((p) => p.business)), party: mean(points.map((p) => p.party)) };
  const flagged =
    thresholds.business === null || thresholds.party === null
      ? []
      : points
          .filter((p) => p.business >= thresholds.business! && p.party < thresholds.party!)
          .sort((a, b) => b.business - b.party - (a.business - a.party) || a.id - b.id);
  return { thresholds, flagged };
}
