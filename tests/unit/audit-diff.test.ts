import { describe, expect, it } from "vitest";
import { diffEntries, showValue } from "~/app/(app)/admin/audit/diff";

describe("audit before/after comparison", () => {
  it("marks only the fields that changed, nested ones by dotted path", () => {
    const rows = diffEntries(
      { validFrom: "0000Q1", target: 1, values: { A: 1, B: 2 } },
      { validFrom: "2026Q4", target: 1, values: { A: 1, B: 3 } },
    );
    expect(rows.filter((r) => r.changed).map((r) => r.path)).toEqual(["validFrom", "values.B"]);
    expect(rows.find((r) => r.path === "target")).toMatchObject({ before: 1, after: 1, changed: false });
  });

  it("treats a missing side as empty: a creation changes every field", () => {
    const rows = diffEntries(null, { code: "X1", weight: 2 });
    expect(rows.map((r) => [r.path, r.changed])).toEqual([
      ["code", true],
      ["weight", true],
    ]);
    expect(diffEntries(null, null)).toEqual([]);
  });

  it("compares scalar settings values and shows arrays and objects as JSON", () => {
    expect(diffEntries({ value: 15 }, { value: 20 })).toEqual([{ path: "value", before: 15, after: 20, changed: true }]);
    expect(diffEntries({ a: [1, 2] }, { a: [1, 2] })[0]!.changed).toBe(false);
    expect(showValue([1, 2])).toBe("[1,2]");
    expect(showValue(null)).toBe("—");
  });
});
