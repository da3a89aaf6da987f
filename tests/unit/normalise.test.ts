import { describe, expect, it } from "vitest";
import { normalise } from "~/lib/scoring/normalise";

describe("normalise (indicator value → 0–100)", () => {
  it("scores a higher-is-better count against its target and caps at 100", () => {
    const rule = { kind: "count", direction: "higher", target: 4 } as const;
    expect(normalise(rule, 0)).toBe(0);
    expect(normalise(rule, 1)).toBe(25);
    expect(normalise(rule, 4)).toBe(100);
    expect(normalise(rule, 9)).toBe(100);
  });

  it("scores rates and scores proportionally to their target", () => {
    expect(normalise({ kind: "rate", direction: "higher", target: 90 }, 45)).toBe(50);
    expect(normalise({ kind: "score", direction: "higher", target: 80 }, 100)).toBe(100);
  });

  it("gives full marks to a lower-is-better value at or under target and decays above it", () => {
    const rule = { kind: "count", direction: "lower", target: 0 } as const;
    expect(normalise(rule, 0)).toBe(100);
    expect(normalise(rule, 1)).toBe(50);
    expect(normalise(rule, 3)).toBe(25);
    expect(normalise({ kind: "count", direction: "lower", target: 2 }, 2)).toBe(100);
    expect(normalise({ kind: "count", direction: "lower", target: 2 }, 5)).toBe(50);
  });

  it("treats booleans as all or nothing", () => {
    const rule = { kind: "boolean", direction: "higher", target: 1 } as const;
    expect(normalise(rule, 1)).toBe(100);
    expect(normalise(rule, 0)).toBe(0);
  });

  it("gives full marks when a higher-is-better target is zero", () => {
    expect(normalise({ kind: "count", direction: "higher", target: 0 }, 0)).toBe(100);
  });

  it("returns null for a missing or non-finite value", () => {
    const rule = { kind: "rate", direction: "higher", target: 90 } as const;
    expect(normalise(rule, null)).toBeNull();
    expect(normalise(rule, undefined)).toBeNull();
    expect(normalise(rule, Number.NaN)).toBeNull();
  });
});
