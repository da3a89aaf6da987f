import { describe, expect, it } from "vitest";
import { tabHref } from "~/app/(app)/dashboard/dashboard-tabs";
import {
  completionByQuarter,
  completionData,
  distributionData,
  flagHref,
  type CompletionPoint,
} from "~/app/(app)/dashboard/meetings/meeting-quality-data";
import {
  axisDomain,
  gapOf,
  labelOrder,
  quadrantChartData,
  quadrantEmptyReason,
  quadrantOf,
} from "~/app/(app)/dashboard/quadrant/quadrant-data";
import { parentOf, recentMeetings, unitTrendData } from "~/app/(app)/units/[id]/unit-data";

const q = (quarter: string) => `Q:${quarter}`;

describe("quadrant mappers", () => {
  const t = { business: 80, party: 70 };
  it("places a unit in its quadrant, ties counting as high on business and on Party building", () => {
    expect(quadrantOf({ business: 90, party: 50 }, t)).toBe("highBizLowParty");
    expect(quadrantOf({ business: 80, party: 69.9 }, t)).toBe("highBizLowParty");
    expect(quadrantOf({ business: 80, party: 70 }, t)).toBe("highBoth");
    expect(quadrantOf({ business: 60, party: 50 }, t)).toBe("lowBoth");
    expect(quadrantOf({ business: 79.9, party: 90 }, t)).toBe("lowBizHighParty");
  });

  it("writes the gap from the scores as shown, so the columns add up", () => {
    // Shown as 90.0 and 47.1: the gap reads 42.9 (the raw difference would round to 43.0).
    expect(gapOf({ business: 90.04, party: 47.06 })).toBe(42.9);
    expect(gapOf({ business: 60, party: 75.5 })).toBe(-15.5);
  });

  it("starts an axis at a round ten below the lowest value and ends it at 100", () => {
    expect(axisDomain([63.2, 88, 71])).toEqual([50, 100]);
    expect(axisDomain([3, 50])).toEqual([0, 100]);
    expect(axisDomain([])).toEqual([0, 100]);
    expect(axisDomain([99, 100])).toEqual([90, 100]);
  });

  it("exports one row per drawn unit with its quadrant named", () => {
    const data = quadrantChartData(
      [
        { id: 1, name: "甲支部", business: 91.26, party: 48.04, hasChildren: false },
        { id: 2, name: "乙支部", business: 70, party: 85, hasChildren: false },
      ],
      { business: 80.6, party: 66.5 },
      { unit: "单位", business: "业务", party: "党建", gap: "差距", quadrant: "象限", quadrantName: (x) => x },
    );
    expect(data.columns.map((c) => c.key)).toEqual(["unit", "business", "party", "gap", "quadrant"]);
    expect(data.rows).toEqual([
      { unit: "甲支部", business: 91.3, party: 48, gap: 43.3, quadrant: "highBizLowParty" },
      { unit: "乙支部", business: 70, party: 85, gap: -15, quadrant: "lowBizHighParty" },
    ]);
  });

  it("says why the quadrant is empty", () => {
    expect(quadrantEmptyReason({ ownUnitOnly: true, level: "children", pointCount: 0, childCount: 0 })).toBe("staff");
    expect(quadrantEmptyReason({ ownUnitOnly: false, level: "children", pointCount: 3, childCount: 3 })).toBeNull();
    expect(quadrantEmptyReason({ ownUnitOnly: false, level: "children", pointCount: 0, childCount: 0 })).toBe("leaf");
    expect(quadrantEmptyReason({ ownUnitOnly: false, level: "units", pointCount: 0, childCount: 0 })).toBe("noUnits");
    expect(quadrantEmptyReason({ ownUnitOnly: false, level: "children", pointCount: 0, childCount: 4 })).toBe("noScores");
    expect(quadrantEmptyReason({ ownUnitOnly: false, level: "children", pointCount: 0, childCount: undefined })).toBe("noScores");
  });
});

describe("meeting quality mappers", () => {
  const points: CompletionPoint[] = [
    { quarter: "2025Q1", type: "branch_assembly", held: 1, required: 2, rate: 50 },
    { quarter: "2025Q1", type: "committee", held: 2, required: 3, rate: 66.7 },
    { quarter: "2025Q1", type: "group", held: 7, required: 6, rate: 100 },
    { quarter: "2025Q1", type: "party_lecture", held: 0, required: 0, rate: null },
    { quarter: "2025Q2", type: "branch_assembly", held: 0, required: 2, rate: 0 },
    { quarter: "2025Q2", type: "committee", held: 3, required: 3, rate: 100 },
    { quarter: "2025Q2", type: "group", held: 6, required: 6, rate: 100 },
    { quarter: "2025Q2", type: "party_lecture", held: 1, required: 2, rate: 50 },
  ];

  it("tables every point the lines are drawn from, with held and required", () => {
    const data = completionData(
      points,
      { quarter: "季度", type: "类型", held: "已开", required: "应开", rate: "完成率", typeName: (x) => `T:${x}` },
      q,
    );
    expect(data.rows).toHaveLength(8);
    expect(data.rows[1]).toEqual({ quarter: "Q:2025Q1", type: "T:committee", held: 2, required: 3, rate: 66.7 });
    expect(data.columns.find((c) => c.key === "held")?.decimals).toBe(0);
  });

  it("pivots the points to one chart row per quarter, a rate per type", () => {
    const { quarters, rows } = completionByQuarter(points, q);
    expect(quarters).toEqual(["2025Q1", "2025Q2"]);
    expect(rows[0]).toEqual({ quarter: "Q:2025Q1", branch_assembly: 50, committee: 66.7, group: 100, party_lecture: null });
    expect(rows[1]!.party_lecture).toBe(50);
  });

  it("histogram rows and where a flag links to", () => {
    expect(distributionData([{ bucket: "0-10", count: 3 }], { bucket: "段", count: "次数" }).rows).toEqual([{ bucket: "0-10", count: 3 }]);
    expect(flagHref({ unitId: 7, quarter: "2026Q2", meetingId: 42 })).toBe("/meetings?unit=7&quarter=2026Q2#meeting-42");
    expect(flagHref({ unitId: 7, quarter: "2026Q2", meetingId: null })).toBe("/meetings?unit=7&quarter=2026Q2");
  });
});

describe("unit page mappers", () => {
  it("draws composite and business per quarter, one decimal, gaps kept", () => {
    const data = unitTrendData(
      [
        { quarter: "2026Q2", composite: 48.04, business: 91.26 },
        { quarter: "2026Q3", composite: null, business: null },
      ],
      { quarter: "季度", composite: "党建", business: "业务" },
      q,
    );
    expect(data.rows).toEqual([
      { quarter: "Q:2026Q2", composite: 48, business: 91.3 },
      { quarter: "Q:2026Q3", composite: null, business: null },
    ]);
  });

  it("keeps the latest meetings first", () => {
    const ms = [
      { id: 1, date: "2026-01-05" },
      { id: 3, date: "2026-03-01" },
      { id: 2, date: "2026-03-01" },
      { id: 4, date: "2025-12-30" },
    ];
    expect(recentMeetings(ms, 3).map((m) => m.id)).toEqual([3, 2, 1]);
  });

  it("finds the parent in the breadcrumb", () => {
    const crumbs = [
      { id: 1, name: "工委" },
      { id: 2, name: "机关党委" },
      { id: 5, name: "支部" },
    ];
    expect(parentOf(crumbs, 5)).toEqual({ id: 2, name: "机关党委" });
    expect(parentOf(crumbs, 1)).toBeNull();
  });
});

describe("dashboard tabs", () => {
  it("carries unit, range and inc to the other dashboards, and nothing page-specific", () => {
    const current = new URLSearchParams("unit=7&from=2025Q1&to=2026Q3&inc=submitted&level=units&cat=methods");
    expect(tabHref("/dashboard/meetings", current)).toBe("/dashboard/meetings?unit=7&from=2025Q1&to=2026Q3&inc=submitted");
    expect(tabHref("/dashboard", new URLSearchParams())).toBe("/dashboard");
  });
});

describe("labelOrder", () => {
  const p = (id: number, business: number, party: number) => ({ id, name: `单位${id}`, business, party, hasChildren: false });

  it("labels the 重业务轻党建 dots first, widest gap first, then the others by gap", () => {
    const points = [p(1, 70, 80), p(2, 92, 44), p(3, 88, 60), p(4, 75, 70)];
    expect(labelOrder(points, new Set([2, 3])).map((x) => x.id)).toEqual([2, 3, 4, 1]);
  });
});
