import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatPercent } from "~/app/_lib/format-date";

describe("one date format per language", () => {
  it("writes a calendar day as 2026年12月6日 / 2026-12-06, never shifted by a time zone", () => {
    expect(formatDate("2026-12-06", "zh-CN")).toBe("2026年12月6日");
    expect(formatDate("2026-12-06", "en")).toBe("2026-12-06");
  });

  it("shows an instant in Beijing time", () => {
    const lateEvening = new Date("2026-12-05T17:30:00Z"); // 01:30 on 6 December in Beijing
    expect(formatDate(lateEvening, "zh-CN")).toBe("2026年12月6日");
    expect(formatDateTime(lateEvening, "zh-CN")).toBe("2026年12月6日 01:30");
    expect(formatDateTime(lateEvening, "en")).toBe("2026-12-06 01:30");
  });

  it("shows nothing it cannot read as a dash, and similarity as a percentage", () => {
    expect(formatDate(null, "zh-CN")).toBe("—");
    expect(formatDate("not a date", "en")).toBe("—");
    expect(formatPercent(0.886)).toBe("89%");
    expect(formatPercent(null)).toBe("—");
  });
});
