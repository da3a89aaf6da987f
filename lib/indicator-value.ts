import type { IndicatorKind } from "~/lib/codes";

/**
 * The rule for a typed indicator value, shared by the server's check (server/services/report/
 * validate-values.ts, which puts it in words) and the report page's live preview.
 */
export type Raw = number | string | null | undefined;

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
export function indicatorValueProblem(kind: IndicatorKind, value: number): ValueProblem | null {
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
