import type { Indicator } from "~/db/schema";
import type { FieldErrors } from "~/server/errors";
import { m } from "~/lib/server-message";

type Raw = number | string | null | undefined;

/** Parses a typed number: "" / null → null (cleared), "12.5" → 12.5, "abc" → error. */
export function parseNumber(raw: Raw): { ok: true; value: number | null } | { ok: false } {
  if (raw === null || raw === undefined) return { ok: true, value: null };
  if (typeof raw === "number") return Number.isFinite(raw) ? { ok: true, value: raw } : { ok: false };
  const text = raw.trim().replace(/%$/, "");
  if (text === "") return { ok: true, value: null };
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(text)) return { ok: false };
  return { ok: true, value: Number(text) };
}

export const MAX_COUNT = 1_000_000;

/** What is wrong with a value for an indicator of this kind, as a code the pages put in words. */
export type ValueProblem =
  | { code: "range"; min: number; max: number }
  | { code: "boolean" }
  | { code: "integer" }
  | { code: "negative" }
  | { code: "tooLarge"; max: number };

/** The one rule for a typed value of each kind; the server's check and the page's live preview share it. */
export function indicatorValueProblem(kind: Indicator["kind"], value: number): ValueProblem | null {
  switch (kind) {
    case "rate":
    case "score":
      return value < 0 || value > 100 ? { code: "range", min: 0, max: 100 } : null;
    case "boolean":
      return value !== 0 && value !== 1 ? { code: "boolean" } : null;
    case "count":
      if (!Number.isInteger(value)) return { code: "integer" };
      if (value < 0) return { code: "negative" };
      return value > MAX_COUNT ? { code: "tooLarge", max: MAX_COUNT } : null;
  }
}

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
