import { describe, expect, it } from "vitest";
import { settingDefinitions } from "~/server/services/settings/definitions";
import { expectationTable, fillCompletion, fillDistribution } from "~/server/services/dashboard/meeting-quality-rows";

const rules = settingDefinitions.meetingFrequencies.default;

describe("expectationTable", () => {
  it("derives what each kind of unit owes per quarter from the completion rules", () => {
    const table = expectationTable(rules);
    const owed = (unitType: string, large: boolean, q4 = false) =>
      Object.fromEntries(table.filter((e) => e.unitType === unitType && e.large === large && e.q4 === q4).map((e) => [e.type, e.expected]));
    expect(owed("branch", true)).toEqual({ branch_assembly: 1, committee: 3, group: 3, party_lecture: 1 });
    // Fewer than 7 members: no 支部委员会, so no committee meetings.
    expect(owed("branch", false)).toEqual({ branch_assembly: 1, group: 3, party_lecture: 1 });
    expect(owed("general_branch", true, true)).toEqual({ branch_assembly: 1, committee: 3, group: 3, party_lecture: 1 });
    // Party committees and departments owe no 三会一课 (committees hold 民主生活会, not counted here).
    expect(owed("committee", true)).toEqual({});
    expect(owed("department", true)).toEqual({});
  });

  it("follows edited rules: a yearly rule is owed in Q4 only and marked yearly", () => {
    const table = expectationTable({ ...rules, party_lecture: { min: 2, per: "year" }, group: { min: 2, per: "month" } });
    const lecture = table.filter((e) => e.unitType === "branch" && e.large && e.type === "party_lecture");
    expect(lecture).toEqual([{ unitType: "branch", large: true, q4: true, type: "party_lecture", expected: 2, yearly: true }]);
    expect(table.find((e) => e.unitType === "branch" && e.type === "group" && !e.q4)?.expected).toBe(6);
  });
});

describe("fillDistribution", () => {
  it("returns all ten buckets in order, zero where SQL found none", () => {
    const d = fillDistribution([
      { bucket: "9", count: "4" },
      { bucket: 0, count: 2 },
    ]);
    expect(d).toHaveLength(10);
    expect(d[0]).toEqual({ bucket: "0-10", count: 2 });
    expect(d[5]).toEqual({ bucket: "50-60", count: 0 });
    expect(d[9]).toEqual({ bucket: "90-100", count: 4 });
  });
});

describe("fillCompletion", () => {
  it("one row per quarter and 三会一课 type, rates from met over required with one decimal", () => {
    const rows = fillCompletion(
      ["2025Q1", "2025Q2"],
      [
        { quarter: "2025Q1", type: "committee", held: "5", required: "6", met: "4" },
        { quarter: "2025Q2", type: "group", held: 9, required: 3, met: 3 },
      ],
    );
    expect(rows.map((r) => `${r.quarter}:${r.type}`)).toEqual([
      "2025Q1:branch_assembly",
      "2025Q1:committee",
      "2025Q1:group",
      "2025Q1:party_lecture",
      "2025Q2:branch_assembly",
      "2025Q2:committee",
      "2025Q2:group",
      "2025Q2:party_lecture",
    ]);
    expect(rows[1]).toEqual({ quarter: "2025Q1", type: "committee", held: 5, required: 6, rate: 66.7 });
    expect(rows[6]).toMatchObject({ held: 9, required: 3, rate: 100 });
    // Nothing owed: no rate rather than 0 %.
    expect(rows[0]).toEqual({ quarter: "2025Q1", type: "branch_assembly", held: 0, required: 0, rate: null });
  });
});
