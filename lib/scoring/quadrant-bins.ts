/**
 * The quadrant's density grid (issue 16): above `binAbove` units the 重业务轻党建 chart stops
 * drawing one dot per unit and counts them in square cells of `cell` points of business score ×
 * Party-building score; the units of the flagged quadrant stay listed one by one, the
 * `flaggedLimit` with the largest gap. `binOf` and `binSql` (quadrant-bins-sql.ts) are twins; a
 * test keeps them equal. Pure, so pages use it too.
 */
export type QuadrantBinning = {
  /** More units with both scores than this: bins instead of points. */
  binAbove: number;
  /** Width of a cell in score points (divides 100). */
  cell: number;
  /** At most this many flagged units listed individually (the largest gaps). */
  flaggedLimit: number;
};

/** What `dashboard.quadrant` uses (a test passes smaller numbers). */
export const quadrantBinning: QuadrantBinning = { binAbove: 2000, cell: 2, flaggedLimit: 200 };

/** A cell of the grid: its lower edges (business, Party building) and how many units fall in it. */
export type QuadrantBin = { business: number; party: number; count: number };

/** The lower edge of the cell a score (0–100) falls in; 100 counts in the top cell. */
export function binOf(score: number, cell: number): number {
  return Math.min(Math.max(Math.floor(score / cell) * cell, 0), 100 - cell);
}

/** Units counted per cell, the cells ordered by business then Party-building edge (empty cells left out). */
export function binPoints(points: { business: number; party: number }[], cell: number): QuadrantBin[] {
  const cells = new Map<string, QuadrantBin>();
  for (const p of points) {
    const business = binOf(p.business, cell);
    const party = binOf(p.party, cell);
    const key = `${business}/${party}`;
    const bin = cells.get(key);
    if (bin) bin.count++;
    else cells.set(key, { business, party, count: 1 });
  }
  return [...cells.values()].sort((a, b) => a.business - b.business || a.party - b.party);
}
