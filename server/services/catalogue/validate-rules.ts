import "server-only";
import type { Direction, IndicatorKind } from "~/lib/codes";
import type { FieldErrors } from "~/server/errors";
import { m } from "~/lib/server-message";

const MAX_WEIGHT = 100;
const MAX_COUNT_TARGET = 1_000_000;

/** Weights are relative; a weight of 0 keeps an indicator or category out of the score. */
export function checkWeight(weight: number): string | null {
  if (weight < 0) return m("catalogue.weightMustBe0");
  return weight > MAX_WEIGHT ? m("catalogue.weightMustBe", { maxWeight: MAX_WEIGHT }) : null;
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
      if (rules.target < 0 || rules.target > 100) errors.target = m("catalogue.rateTargetMustBe0100");
      break;
    case "score":
      if (rules.target < 0 || rules.target > 100) errors.target = m("catalogue.scoreTargetMustBe0100");
      break;
    case "boolean":
      if (rules.target !== 1) errors.target = m("catalogue.booleanTargetMustBe1");
      // A yes/no value scores 100 for yes whatever the direction: "lower" would only mislead.
      if (rules.direction !== "higher") errors.direction = m("catalogue.booleanIndicatorsAreHigherIsBetter");
      break;
    case "count":
      if (rules.target < 0) errors.target = m("catalogue.countTargetMustBe0");
      else if (rules.target > MAX_COUNT_TARGET) errors.target = m("catalogue.targetTooLarge");
      break;
  }
  return errors;
}
