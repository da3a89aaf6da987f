import { describe, expect, it } from "vitest";
import {
  addQuarters,
  defaultReportingQuarter,
  formatQuarter,
  lastQuarters,
  parseQuarter,
  quarterRange,
  quarterStart,
  reportDeadline,
} from "~/lib/quarter";

describe("quarters", () => {
  it("defaults to the last finished quarter (November 2026 → 2026Q3)", () => {
    expect(defaultReportingQuarter(new Date("2026-11-26T10:00:00Z"))).toBe("2026Q3");
    expect(defaultReportingQuarter(new Date("2026-02-01T10:00:00Z"))).toBe("2025Q4");
  });

  it("adds quarters across years", () => {
    expect(addQuarters("2026Q1", -1)).toBe("2025Q4");
    expect(addQuarters("2025Q4", 5)).toBe("2027Q1");
  });

  it("lists ranges and the last n quarters oldest first", () => {
    expect(quarterRange("2025Q3", "2026Q2")).toEqual(["2025Q3", "2025Q4", "2026Q1", "2026Q2"]);
    expect(lastQuarters(8, new Date("2026-11-26"))).toEqual([
      "2024Q4",
      "2025Q1",
      "2025Q2",
      "2025Q3",
      "2025Q4",
      "2026Q1",
      "2026Q2",
      "2026Q3",
    ]);
  });

  it("parses only YYYYQn", () => {
    expect(parseQuarter("2026Q3")).toEqual({ year: 2026, q: 3 });
    for (const bad of ["2026Q5", "2026-Q3", "26Q1", "2026q1", " 2026Q1"]) expect(parseQuarter(bad)).toBeNull();
  });

  it("formats per locale", () => {
    expect(formatQuarter("2026Q3", "zh-CN")).toBe("2026年第3季度");
    expect(formatQuarter("2026Q3", "en")).toBe("2026 Q3");
  });
});

describe("reporting deadlines", () => {
  it("counts N whole days after the quarter ends, in Beijing time", () => {
    // 2026Q3 ends on 30 September; 15 days later the report is late from 16 October 00:00 (+08:00).
    expect(reportDeadline("2026Q3", 15).toISOString()).toBe("2026-10-15T16:00:00.000Z");
    expect(reportDeadline("2026Q4", 0).toISOString()).toBe("2026-12-31T16:00:00.000Z");
    expect(quarterStart("2026Q1").toISOString()).toBe("2025-12-31T16:00:00.000Z");
  });
});
