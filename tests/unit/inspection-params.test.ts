import { describe, expect, it } from "vitest";
import { caseOpenFromParams } from "~/app/(app)/cases/params";
import { sourceHref } from "~/app/(app)/cases/[id]/source-href";
import { inspectionFiltersFromParams, inspectionsHref, openCaseHref } from "~/app/(app)/inspections/params";

describe("inspection URLs", () => {
  it("reads the list filters from the URL and ignores malformed ones", () => {
    expect(inspectionFiltersFromParams({ unit: "12", quarter: "2026Q3", result: "fail" }, 4)).toEqual({
      unitId: 12,
      quarter: "2026Q3",
      result: "fail",
    });
    expect(inspectionFiltersFromParams({ unit: "x", quarter: "2026Q5", result: "bad" }, 4)).toEqual({ unitId: 4 });
    expect(inspectionsHref({ unitId: 12, quarter: "2026Q3", result: "basic" })).toBe("/inspections?unit=12&quarter=2026Q3&result=basic");
  });

  it("a 立案问责 link pre-fills the case form with the inspection, its subject and the responsibility category", () => {
    const href = openCaseHref({ id: 7, unitId: 12, subject: "leader" });
    const sp = Object.fromEntries(new URL(href, "http://x").searchParams);
    expect(sp.unit).toBe("12");
    expect(caseOpenFromParams(sp)).toEqual({ sourceType: "inspection", sourceId: 7, category: "responsibility", subject: "leader" });
    // A subject an inspection cannot have is dropped; the flag link still works as before.
    expect(caseOpenFromParams({ open: "inspection", inspection: "7", subject: "member" })).toEqual({
      sourceType: "inspection",
      sourceId: 7,
      category: "responsibility",
    });
    expect(caseOpenFromParams({ open: "flag", meeting: "9", flag: "zero_criticism" })).toEqual({
      sourceType: "flag",
      sourceId: 9,
      category: "inner_life",
      flagKind: "zero_criticism",
    });
    expect(caseOpenFromParams({ open: "inspection", inspection: "0" })).toBeNull();
  });

  it("links a case's source to its page", () => {
    const c = { unitId: 12, sourceQuarter: "2026Q1" };
    expect(sourceHref({ ...c, sourceType: "inspection", sourceId: 7 })).toBe("/inspections?unit=12&quarter=2026Q1#inspection-7");
    expect(sourceHref({ ...c, sourceType: "report", sourceId: 3 })).toBe("/report?unit=12&quarter=2026Q1");
    expect(sourceHref({ ...c, sourceType: "flag", sourceId: 5 })).toBe("/meetings?unit=12&quarter=2026Q1#meeting-5");
    expect(sourceHref({ ...c, sourceType: "review_meeting", sourceId: 2, sourceQuarter: null })).toBe("/review/2");
    expect(sourceHref({ ...c, sourceType: null, sourceId: null })).toBeNull();
  });
});
