import "server-only";
import type { Indicator } from "~/db/schema";
import type { FieldErrors } from "~/server/errors";
import { indicatorValueProblem, parseNumber, type Raw } from "~/lib/indicator-value";
import { m } from "~/lib/server-message";

/** Why a value does not fit its indicator's kind, or null when it does. */
export function checkIndicatorValue(ind: Pick<Indicator, "kind" | "nameZh">, value: number): string | null {
  const name = `「${ind.nameZh}」`;
  const problem = indicatorValueProblem(ind.kind, value);
  switch (problem?.code) {
    case undefined:
      return null;
    case "range":
      return ind.kind === "rate" ? m("report.rateMustBe0100", { name }) : m("report.scoreMustBe0100", { name });
    case "boolean":
      return m("report.mustBe1Or0", { name });
    case "integer":
      return m("report.countMustBeAWholeNumber", { name });
    case "negative":
      return m("report.countCannotBeNegative", { name });
    case "tooLarge":
      return m("report.mustBeAtMost", { name, max: problem.max });
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
      errors[field] = m("report.unknownIndicator", { indicatorCode });
      continue;
    }
    if (parsed.has(indicatorCode)) {
      errors[field] = m("report.duplicateIndicator", { nameZh: ind.nameZh });
      continue;
    }
    const num = parseNumber(value);
    if (!num.ok) {
      errors[field] = m("report.mustBeANumber", { nameZh: ind.nameZh });
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
  if (!num.ok) return { error: m("report.businessScoreMustBeANumber") };
  if (num.value !== null && (num.value < 0 || num.value > 100)) {
    return { error: m("report.businessScoreMustBe0100") };
  }
  return { value: num.value };
}
