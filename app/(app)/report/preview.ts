import type { CategoryCode, Direction, IndicatorKind } from "~/lib/codes";
import { scoreReport } from "~/lib/scoring/compose";
import { indicatorValueProblem, parseNumber, type ValueProblem } from "~/lib/indicator-value";

export type PreviewIndicator = {
  code: string;
  category: string;
  kind: IndicatorKind;
  direction: Direction;
  target: number;
  weight: number;
};

/** One field as the preview sees it: nothing typed, typed but not acceptable, or a value that counts. */
export type FieldPreview =
  { state: "empty" } | { state: "invalid"; problem: ValueProblem | { code: "notNumber" } } | { state: "ok"; value: number };

export type ReportPreview = {
  fields: Record<string, FieldPreview>;
  indicators: Record<string, number | null>;
  /** A category is partial when one of its indicators is empty or invalid. */
  categories: Record<string, { score: number | null; partial: boolean }>;
  composite: number | null;
  /** The composite leaves out indicators that are empty or invalid: it is not the report's score yet. */
  partial: boolean;
  counted: number;
  total: number;
  invalid: number;
};

/** Reads one typed field with the server's own rules (parseNumber, indicatorValueProblem). */
export function readField(kind: IndicatorKind, text: string): FieldPreview {
  const parsed = parseNumber(text);
  if (!parsed.ok) return { state: "invalid", problem: { code: "notNumber" } };
  if (parsed.value === null) return { state: "empty" };
  const problem = indicatorValueProblem(kind, parsed.value);
  return problem ? { state: "invalid", problem } : { state: "ok", value: parsed.value };
}

/**
 * The live score preview of the report form: only values the server would accept are scored;
 * invalid ones are reported as such, and a composite over fewer than all indicators is partial.
 */
export function previewReport(
  indicators: PreviewIndicator[],
  categoryWeights: Record<string, number>,
  texts: Record<string, string | undefined>,
): ReportPreview {
  const fields: Record<string, FieldPreview> = {};
  const numeric: Record<string, number | null> = {};
  for (const ind of indicators) {
    const field = readField(ind.kind, texts[ind.code] ?? "");
    fields[ind.code] = field;
    numeric[ind.code] = field.state === "ok" ? field.value : null;
  }
  const scored = scoreReport(
    indicators.map((i) => ({ ...i, categoryCode: i.category as CategoryCode })),
    categoryWeights,
    numeric,
  );
  const categories: ReportPreview["categories"] = {};
  for (const [code, score] of Object.entries(scored.categories)) {
    const members = indicators.filter((i) => i.category === code);
    categories[code] = { score, partial: members.some((i) => fields[i.code]!.state !== "ok") };
  }
  const counted = indicators.filter((i) => fields[i.code]!.state === "ok").length;
  const invalid = indicators.filter((i) => fields[i.code]!.state === "invalid").length;
  return {
    fields,
    indicators: scored.indicators,
    categories,
    composite: scored.composite,
    partial: counted < indicators.length,
    counted,
    total: indicators.length,
    invalid,
  };
}
