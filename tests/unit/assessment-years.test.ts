import { describe, expect, it } from "vitest";
import { cycleYearMenu, defaultCycleYear, lastFinishedCycleYear } from "~/lib/assessment/years";

const cycles = [
  { year: 2026, status: "open" as const },
  { year: 2025, status: "final" as const },
  { year: 2024, status: "final" as const },
  { year: 2023, status: "publicised" as const },
];

describe("the year an assessment page or form opens on", () => {
  it("an officer's outcome rests on the newest finished (定档) year; none finished, none", () => {
    expect(lastFinishedCycleYear(cycles)).toBe(2025);
    expect(lastFinishedCycleYear([...cycles].reverse())).toBe(2025);
    expect(lastFinishedCycleYear([{ year: 2026, status: "rating" }])).toBeNull();
    expect(lastFinishedCycleYear([])).toBeNull();
  });

  it("pages open on the current year's cycle, else the newest", () => {
    expect(defaultCycleYear(cycles, new Date("2026-06-01T00:00:00Z"))).toBe(2026);
    expect(defaultCycleYear(cycles.slice(1), new Date("2026-06-01T00:00:00Z"))).toBe(2025);
  });

  it("a year menu offers only the years with a cycle and opens on the tabs' year", () => {
    const june = new Date("2026-06-01T00:00:00Z");
    expect(cycleYearMenu(cycles, june)).toEqual({ years: [2026, 2025, 2024, 2023], open: 2026 });
    expect(cycleYearMenu([{ year: 2024 }, { year: 2025 }], june)).toEqual({ years: [2025, 2024], open: 2025 });
  });
});
