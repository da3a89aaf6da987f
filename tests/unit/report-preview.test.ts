import { describe, expect, it } from "vitest";
import { previewReport, readField, type PreviewIndicator } from "~/app/(app)/report/preview";

const rate = (code: string, category = "vanguard"): PreviewIndicator => ({
  code,
  category,
  kind: "rate",
  direction: "higher",
  target: 90,
  weight: 1,
});
const count = (code: string, category = "methods"): PreviewIndicator => ({
  code,
  category,
  kind: "count",
  direction: "higher",
  target: 2,
  weight: 1,
});
const weights = { vanguard: 1, methods: 1 };

describe("the report form's live score preview", () => {
  it("refuses 120 % and 1e9 instead of scoring them 100", () => {
    const p = previewReport([rate("a"), rate("b")], weights, { a: "120", b: "1e9" });
    expect(p.fields.a).toEqual({ state: "invalid", problem: { code: "range", min: 0, max: 100 } });
    expect(p.fields.b).toEqual({ state: "invalid", problem: { code: "notNumber" } });
    expect(p.indicators.a).toBeNull();
    expect(p.composite).toBeNull();
    expect(p.invalid).toBe(2);
  });

  it("names the limit of a count that is too large", () => {
    expect(readField("count", "2000000")).toEqual({ state: "invalid", problem: { code: "tooLarge", max: 1_000_000 } });
    expect(readField("count", "2.5")).toEqual({ state: "invalid", problem: { code: "integer" } });
    expect(readField("boolean", "2")).toEqual({ state: "invalid", problem: { code: "boolean" } });
    expect(readField("rate", "95%")).toEqual({ state: "ok", value: 95 });
  });

  it("marks a composite from 3 of 20 values as partial", () => {
    const list = [...Array.from({ length: 10 }, (_, i) => rate(`r${i}`)), ...Array.from({ length: 10 }, (_, i) => count(`c${i}`))];
    const p = previewReport(list, weights, { r0: "95", r1: "99", c0: "5" });
    expect(p.composite).toBe(100);
    expect(p.partial).toBe(true);
    expect(p.counted).toBe(3);
    expect(p.total).toBe(20);
    expect(p.categories.vanguard).toEqual({ score: 100, partial: true });
  });

  it("is complete only when every indicator holds a valid value", () => {
    const p = previewReport([rate("a"), count("b")], weights, { a: "45", b: "2" });
    expect(p.partial).toBe(false);
    expect(p.composite).toBe(75);
    const withError = previewReport([rate("a"), count("b")], weights, { a: "45", b: "-1" });
    expect(withError.partial).toBe(true);
    expect(withError.fields.b).toEqual({ state: "invalid", problem: { code: "negative" } });
  });
});
