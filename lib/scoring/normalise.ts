import type { Direction, IndicatorKind } from "~/lib/codes";

export type ScoringRule = { kind: IndicatorKind; direction: Direction; target: number };

/**
 * An indicator value normalised to 0–100 against its target and direction (DESIGN.md
 * "Scoring"). Must stay identical to the SQL function `indicator_score` (migration 0001).
 */
export function normalise(rule: ScoringRule, value: number | null | undefined): number | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  if (rule.kind === "boolean") return value >= 1 ? 100 : 0;
  if (rule.direction === "lower") {
    return value <= rule.target ? 100 : (100 * (1 + rule.target)) / (1 + value);
  }
  if (rule.target <= 0) return 100;
  return Math.min(100, Math.max(0, (value / rule.target) * 100));
}
