import type { Indicator } from "~/db/schema";
import type { FieldErrors } from "~/server/errors";
import { indicatorValueProblem, parseNumber, type Raw } from "~/lib/indicator-value";

/** Why a value does not fit its indicator's kind, or null when it does. */
export function checkIndicatorValue(ind: Pick<Indicator, "kind" | "nameZh">, value: number): string | null {
  const name = `「${ind.nameZh}」`;
  const problem = indicatorValueProblem(ind.kind, value);
  switch (problem?.code) {
    case undefined:
      return null;
    case "range":
      return ind.kind === "rate"
        ? `${name}是比率，须在 0 到 100 之间（rate must be 0–100 %）`
        : `${name}是得分，须在 0 到 100 之间（score must be 0–100）`;
    case "boolean":
      return `${name}只能填 1（是）或 0（否）（must be 1 or 0）`;
    case "integer":
      return `${name}是次数/个数，须为整数（count must be a whole number）`;
    case "negative":
      return `${name}不能为负数（count cannot be negative）`;
    case "tooLarge":
      return `${name}不能超过 ${problem.max}（must be at most ${problem.max}）`;
  }
}

/**
 * Checks a report's values against the catalogue. Returns the parsed values keyed by code
 * (null = clear the value) and the field errors keyed `values.<code>`.
 */
export function validateValues(
  catalogue: Map<string, Pick<Indicator, "kind" | "nameZh">>,
  values: { indicatorCode: string; value: Raw }[],
): { parsed: Map<string, number | null>; errors: FieldErrors } {
  const parsed = new Map<string, number | null>();
  const errors: FieldErrors = {};
  for (const { indicatorCode, value } of values) {
    const field = `values.${indicatorCode}`;
    const ind = catalogue.get(indicatorCode);
    if (!ind) {
      errors[field] = `指标代码 ${indicatorCode} 不存在或已停用（unknown indicator）`;
      continue;
    }
    if (parsed.has(indicatorCode)) {
      errors[field] = `「${ind.nameZh}」重复填写（duplicate indicator）`;
      continue;
    }
    const num = parseNumber(value);
    if (!num.ok) {
      errors[field] = `「${ind.nameZh}」须填写数字（must be a number）`;
      continue;
    }
    const problem = num.value === null ? null : checkIndicatorValue(ind, num.value);
    if (problem) errors[field] = problem;
    else parsed.set(indicatorCode, num.value);
  }
  return { parsed, errors };
}

/** The business score (业务考核得分): a number from 0 to 100, or empty. */
export function validateBusinessScore(raw: Raw): { value: number | null } | { error: string } {
  const num = parseNumber(raw);
  if (!num.ok) return { error: "业务考核得分须填写数字（business score must be a number）" };
  if (num.value !== null && (num.value < 0 || num.value > 100)) {
    return { error: "业务考核得分须在 0 到 100 之间（business score must be 0–100）" };
  }
  return { value: num.value };
}
