import type { Direction, IndicatorKind } from "~/lib/codes";
import type { FieldErrors } from "~/server/errors";

const MAX_WEIGHT = 100;
const MAX_COUNT_TARGET = 1_000_000;

/** Weights are relative; a weight of 0 keeps an indicator or category out of the score. */
export function checkWeight(weight: number): string | null {
  if (weight < 0) return "权重不能为负数（weight must be ≥ 0）";
  return weight > MAX_WEIGHT ? `权重不能超过 ${MAX_WEIGHT}（weight must be ≤ ${MAX_WEIGHT}）` : null;
}

/**
 * Kind-dependent checks of an indicator's scoring rules, as the scoring in
 * lib/scoring/normalise.ts (and its SQL twin) understands them.
 */
export function checkRules(kind: IndicatorKind, rules: { direction: Direction; target: number; weight: number }): FieldErrors {
  const errors: FieldErrors = {};
  const weight = checkWeight(rules.weight);
  if (weight) errors.weight = weight;
  switch (kind) {
    case "rate":
      if (rules.target < 0 || rules.target > 100) errors.target = "比率类指标的目标须在 0 到 100 之间（rate target must be 0–100）";
      break;
    case "score":
      if (rules.target < 0 || rules.target > 100) errors.target = "得分类指标的目标须在 0 到 100 之间（score target must be 0–100）";
      break;
    case "boolean":
      if (rules.target !== 1) errors.target = "是/否类指标的目标只能是 1（是）（boolean target must be 1）";
      // A yes/no value scores 100 for yes whatever the direction: "lower" would only mislead.
      if (rules.direction !== "higher") errors.direction = "是/否类指标只能“越高越好”（boolean indicators are higher-is-better）";
      break;
    case "count":
      if (rules.target < 0) errors.target = "次数/个数类指标的目标不能为负数（count target must be ≥ 0）";
      else if (rules.target > MAX_COUNT_TARGET) errors.target = "目标数值过大（target too large）";
      break;
  }
  return errors;
}
