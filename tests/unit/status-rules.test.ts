import { describe, expect, it } from "vitest";
import { caseStatuses, reportStatuses } from "~/lib/codes";
import {
  caseTransitions,
  countedStatuses,
  defaultInclusion,
  editableReportStatuses,
  isHandedIn,
  isReportEditable,
  reportInclusions,
  reportTransitions,
} from "~/lib/status";

describe("the report status rules", () => {
  it("moves a report draft → submitted → approved | returned, returned → submitted, approved → returned (解锁)", () => {
    const moves = Object.values(reportTransitions).flatMap((t) => t.from.map((from) => `${from}→${t.to}`));
    expect(moves.sort()).toEqual(
      ["draft→submitted", "returned→submitted", "submitted→approved", "submitted→returned", "approved→returned"].sort(),
    );
  });

  it("lets a unit change its report only while it is a draft or returned", () => {
    expect(reportStatuses.filter(isReportEditable)).toEqual(["draft", "returned"]);
    expect([...editableReportStatuses].sort()).toEqual(["draft", "returned"]);
    // Exactly the statuses a report can be submitted from.
    expect([...reportTransitions.submit.from].sort()).toEqual([...editableReportStatuses].sort());
  });

  it("counts approved reports by default, submitted ones on request, drafts and returned reports never", () => {
    expect(defaultInclusion).toBe("approved");
    expect(reportInclusions).toEqual(["approved", "submitted"]);
    expect(countedStatuses("approved")).toEqual(["approved"]);
    expect([...countedStatuses("submitted")].sort()).toEqual(["approved", "submitted"]);
    for (const include of reportInclusions) for (const s of editableReportStatuses) expect(countedStatuses(include)).not.toContain(s);
  });
});

describe("the case status rules", () => {
  it("moves a case forward only, and ends at closed", () => {
    for (const [from, tos] of Object.entries(caseTransitions)) {
      for (const to of tos) expect(caseStatuses.indexOf(to)).toBeGreaterThan(caseStatuses.indexOf(from as never));
    }
    expect(caseTransitions.closed).toEqual([]);
    expect(Object.keys(caseTransitions).sort()).toEqual([...caseStatuses].sort());
  });
});

describe("handed-in reports (报送)", () => {
  it("are the submitted and approved ones: never a draft, a returned report or one not started", () => {
    expect(reportStatuses.filter(isHandedIn).sort()).toEqual(["approved", "submitted"]);
    expect(isHandedIn("not_started")).toBe(false);
  });
  it("and a report is either still editable or handed in, never both", () => {
    for (const s of reportStatuses) expect(isReportEditable(s) !== isHandedIn(s)).toBe(true);
  });
});
