import { describe, expect, it } from "vitest";
import { addQuarters, quarterRange, quarterStart, reportDeadline } from "~/lib/quarter";

/** Found by the fuzzer (tests/integration/authz/fuzz.test.ts): 9999Q4 and 0000Q1 are valid input and must not break the arithmetic. */
describe("quarters at the ends of the four-digit calendar", () => {
  it("keep four-digit years and stop at 0000Q1 and 9999Q4", () => {
    expect(addQuarters("0000Q1", 1)).toBe("0000Q2");
    expect(addQuarters("0009Q4", 1)).toBe("0010Q1");
    expect(addQuarters("0000Q1", -1)).toBe("0000Q1");
    expect(addQuarters("0001Q2", -7)).toBe("0000Q1");
    expect(addQuarters("9999Q4", 1)).toBe("9999Q4");
    expect(quarterRange("9999Q3", "9999Q4")).toEqual(["9999Q3", "9999Q4"]);
  });

  it("give 9999Q4 a deadline after the quarter", () => {
    expect(reportDeadline("9999Q4", 15).getTime()).toBeGreaterThan(quarterStart("9999Q4").getTime());
    expect(reportDeadline("2026Q4", 0).toISOString()).toBe("2026-12-31T16:00:00.000Z");
  });
});
