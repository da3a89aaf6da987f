/**
 * The 重业务轻党建 rule, in one home: where the dividing lines lie (the admin's setting
 * `quadrantCutoff` — the means of the units compared, or fixed thresholds) and which units fall
 * in the high-business / low-Party-building quadrant (business at or above its line, Party
 * building below its line). `isBusinessOverParty` and `businessOverPartySql` (quadrant-cutoff-sql.ts)
 * are twins; a test keeps them equal. Pure, so pages use it too.
 */
export type QuadrantCutoff = { mode: "mean" } | { mode: "fixed"; business: number; party: number };
export type CutoffMode = QuadrantCutoff["mode"];
export type Thresholds = { mode: CutoffMode; business: number | null; party: number | null };
type Scored = { business: number; party: number };

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);

/** The dividing lines for these units: their means, or the fixed thresholds (null lines when there is nothing to average). */
export function quadrantThresholds(points: Scored[], cutoff: QuadrantCutoff): Thresholds {
  if (cutoff.mode === "fixed") return { mode: "fixed", business: cutoff.business, party: cutoff.party };
  return { mode: "mean", business: mean(points.map((p) => p.business)), party: mean(points.map((p) => p.party)) };
}

/** In the 重业务轻党建 quadrant: business at or above its line and Party building below its line. */
export function isBusinessOverParty(p: Scored, t: { business: number | null; party: number | null }): boolean {
  return t.business !== null && t.party !== null && p.business >= t.business && p.party < t.party;
}
