import { describe, expect, it } from "vitest";
import { FLAGS_READ_WITH_PAGE_MAX, flagsReadWithPage } from "~/app/(app)/dashboard/meetings/params";

// The meeting-quality page reads the flags card's page with it (its table in the HTML) only while
// the range's flags (standing in for the subtree's size) are few enough for that read to be cheap.
describe("flagsReadWithPage", () => {
  const max = FLAGS_READ_WITH_PAGE_MAX;
  it("reads the page with it up to the limit of flags in the range, not past it", () => {
    expect(flagsReadWithPage({ total: 0, kinds: {} }, null)).toBe(true);
    expect(flagsReadWithPage({ total: max, kinds: { low_attendance: max } }, null)).toBe(true);
    expect(flagsReadWithPage({ total: max + 1, kinds: { low_attendance: max + 1 } }, null)).toBe(false);
    expect(flagsReadWithPage({ total: 139_328, kinds: { low_attendance: 100_000 } }, null)).toBe(false);
  });
  it("counts only the chosen kind's flags when a kind is chosen", () => {
    const counts = { total: 3 * max, kinds: { low_attendance: 3 * max - 10, copied_minutes: 10 } };
    expect(flagsReadWithPage(counts, "copied_minutes")).toBe(true);
    expect(flagsReadWithPage(counts, "low_attendance")).toBe(false);
    expect(flagsReadWithPage(counts, "zero_criticism")).toBe(true);
  });
});
