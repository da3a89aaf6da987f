import type { Grade } from "~/lib/codes";
import { quotaCount } from "./grade";
import type { CycleRules } from "./rules";

/**
 * The Party-building weight simulator (党建权重模拟), DESIGN.md "Annual assessment": combined
 * score = w × Party building + (1 − w) × business for each unit with both year means, ranked
 * 1..n (ties by unit id), and a grade BAND by rank — an illustration of where the weight moves a
 * unit, not its grade (that one has its own inputs, lib/assessment/grade.ts):
 *   the top floor(q好 × n) → 好; then, when the cycle sets a 较好 quota, the next floor(q较好 × n) → 较好;
 *   every other unit by the cycle's score thresholds on its combined score, never above 较好
 *   (and never above 一般 once a 较好 quota is used up).
 */

/** The weight of Party building a year without a cycle starts from (assessment_cycles.party_weight's default). */
export const defaultPartyWeight = 0.3;

export type SimInput = { unitId: number; business: number; party: number };

export type SimRow = SimInput & {
  combinedNow: number;
  combinedAt: number;
  rankNow: number;
  rankAt: number;
  bandNow: Grade;
  bandAt: Grade;
};

export type BandRules = Pick<CycleRules, "quotas" | "thresholds">;

/** w × Party building + (1 − w) × business. */
export const combinedScore = (u: { business: number; party: number }, w: number) => w * u.party + (1 - w) * u.business;

/** 1-based ranks by score, best first, ties by unit id: unitId → rank. */
export function rankBy<T extends { unitId: number }>(units: readonly T[], score: (u: T) => number): Map<number, number> {
  const order = units.map((u) => ({ id: u.unitId, s: score(u) })).sort((a, b) => b.s - a.s || a.id - b.id);
  return new Map(order.map((o, i) => [o.id, i + 1]));
}

/** The band of the unit at `rank` (1-based) among `n` with this combined score. */
export function bandAtRank(rank: number, n: number, combined: number, rules: BandRules): Grade {
  const good = quotaCount(rules.quotas.good, n);
  if (rank <= good) return "good";
  const fairlyQuota = rules.quotas.fairlyGood ?? null;
  const t = rules.thresholds;
  if (fairlyQuota !== null) {
    if (rank <= good + quotaCount(fairlyQuota, n)) return "fairly_good";
    return combined >= t.average ? "average" : "poor";
  }
  if (combined >= t.fairlyGood) return "fairly_good";
  return combined >= t.average ? "average" : "poor";
}

/** Every unit at the adopted weight (`now`) and at the chosen one (`at`), in the order of `rankAt`. */
export function simulateWeights(units: readonly SimInput[], now: number, at: number, rules: BandRules): SimRow[] {
  const n = units.length;
  const ranksNow = rankBy(units, (u) => combinedScore(u, now));
  const ranksAt = rankBy(units, (u) => combinedScore(u, at));
  return units
    .map((u) => {
      const combinedNow = combinedScore(u, now);
      const combinedAt = combinedScore(u, at);
      const rankNow = ranksNow.get(u.unitId)!;
      const rankAt = ranksAt.get(u.unitId)!;
      return {
        ...u,
        combinedNow,
        combinedAt,
        rankNow,
        rankAt,
        bandNow: bandAtRank(rankNow, n, combinedNow, rules),
        bandAt: bandAtRank(rankAt, n, combinedAt, rules),
      };
    })
    .sort((a, b) => a.rankAt - b.rankAt);
}
