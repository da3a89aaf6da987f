import type { CategoryCode } from "~/lib/codes";
import { normalise, type ScoringRule } from "~/lib/scoring/normalise";

export type WeightedScore = { score: number | null; weight: number };

/** Weighted mean of the scores that exist; null when none does (missing values don't count as 0). */
export function weightedMean(items: WeightedScore[]): number | null {
  let sum = 0;
  let weights = 0;
  for (const { score, weight } of items) {
    if (score === null || weight <= 0) continue;
    sum += score * weight;
    weights += weight;
  }
  return weights > 0 ? sum / weights : null;
}

export type ScoredIndicator = ScoringRule & { code: string; categoryCode: CategoryCode; weight: number };

export type UnitScores = {
  composite: number | null;
  categories: Record<string, number | null>;
  /** Each indicator's normalised score, so every number traces back to its values. */
  indicators: Record<string, number | null>;
};

/** Category scores and the composite Party-building score of one report. */
export function scoreReport(
  catalogue: ScoredIndicator[],
  categoryWeights: Record<string, number>,
  values: Record<string, number | null | undefined>,
): UnitScores {
  const indicators: Record<string, number | null> = {};
  const byCategory = new Map<string, WeightedScore[]>();
  for (const ind of catalogue) {
    const score = normalise(ind, values[ind.code]);
    indicators[ind.code] = score;
    const list = byCategory.get(ind.categoryCode) ?? [];
    list.push({ score, weight: ind.weight });
    byCategory.set(ind.categoryCode, list);
  }
  const categories: Record<string, number | null> = {};
  for (const [code, list] of byCategory) categories[code] = weightedMean(list);
  const composite = weightedMean(Object.entries(categories).map(([code, score]) => ({ score, weight: categoryWeights[code] ?? 0 })));
  return { composite, categories, indicators };
}
