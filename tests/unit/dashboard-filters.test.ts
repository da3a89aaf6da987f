import { describe, expect, it } from "vitest";
import {
  defaultDashboardRange,
  loadDashboardFilters,
  resolveDashboardFilters,
  selectableQuarters,
} from "~/app/_components/charts/filter-params";

const defaults = { unitId: 1, from: "2024Q4", to: "2026Q3" };

describe("dashboard filters from the URL", () => {
  it("reads unit, range, category and inclusion; ignores malformed values", () => {
    const raw = loadDashboardFilters({ unit: "12", from: "2025Q1", to: "2025Q4", cat: "methods", inc: "submitted" });
    expect(resolveDashboardFilters(raw, defaults)).toEqual({
      unitId: 12,
      from: "2025Q1",
      to: "2025Q4",
      category: "methods",
      include: "submitted",
    });
    const bad = loadDashboardFilters({ unit: "-3", from: "2025Q5", to: "x", cat: "nope", inc: "all" });
    expect(resolveDashboardFilters(bad, defaults)).toEqual({
      unitId: 1,
      from: "2024Q4",
      to: "2026Q3",
      category: null,
      include: "approved",
    });
  });

  it("reads a reversed range the right way round, and a lone bound against the default", () => {
    expect(resolveDashboardFilters(loadDashboardFilters({ from: "2026Q2", to: "2025Q1" }), defaults)).toMatchObject({
      from: "2025Q1",
      to: "2026Q2",
    });
    expect(resolveDashboardFilters(loadDashboardFilters({ from: "2027Q1" }), defaults)).toMatchObject({ from: "2027Q1", to: "2027Q1" });
    expect(resolveDashboardFilters(loadDashboardFilters({ to: "2024Q1" }), defaults)).toMatchObject({ from: "2024Q1", to: "2024Q1" });
  });

  it("defaults to the last eight finished quarters; the range selects offer twenty, newest first", () => {
    const now = new Date("2026-11-26T10:00:00Z");
    expect(defaultDashboardRange(now)).toEqual({ from: "2024Q4", to: "2026Q3" });
    const qs = selectableQuarters(now);
    expect(qs).toHaveLength(20);
    expect(qs[0]).toBe("2026Q3");
    expect(qs[19]).toBe("2021Q4");
  });
});
