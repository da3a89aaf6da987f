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

describe("dates in server messages", () => {
  it("writes a day(…) value in each language's one format, in both halves and when localised", async () => {
    const { day, m, localiseServerMessage } = await import("~/lib/server-message");
    const text = m("officer.secretaryStillInPost", { name: "李明", from: day("2020-01-28") });
    expect(text).toBe(
      "该单位书记 李明 自 2020年1月28日 起在任，同一天只能有一位书记；请先为其办理离任（李明 has been the unit's secretary since 2020-01-28; a unit has one secretary on any day — end that tenure first）",
    );
    expect(localiseServerMessage(text, "zh-CN")).toMatch(/^该单位书记 李明 自 2020年1月28日 起在任/);
    expect(localiseServerMessage(text, "en")).toMatch(/since 2020-01-28;/);
  });
});
