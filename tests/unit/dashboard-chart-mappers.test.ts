import { describe, expect, it } from "vitest";
import {
  bestWorst,
  bestWorstData,
  categoryTrendData,
  completenessData,
  compositeTrendData,
  heatmapData,
  radarData,
  shownCategories,
} from "~/app/(app)/dashboard/mappers";
import type { HeatmapRow, QuarterScores } from "~/app/(app)/dashboard/types";
import { categoryCodes, type CategoryCode } from "~/lib/codes";
import { formatQuarter } from "~/lib/quarter";

const q = (quarter: string) => formatQuarter(quarter, "zh-CN");
const cats = (base: number | null): Record<CategoryCode, number | null> =>
  Object.fromEntries(categoryCodes.map((c, i) => [c, base === null ? null : base + i])) as Record<CategoryCode, number | null>;
const point = (quarter: string, composite: number | null, unitCount = 3): QuarterScores => ({
  quarter,
  composite,
  business: null,
  categories: cats(composite === null ? null : Math.floor(composite)),
  unitCount,
});
const unit = (id: number, composite: number | null): HeatmapRow => ({
  id,
  name: `单位${id}`,
  type: "branch",
  hasChildren: false,
  composite,
  business: null,
  categories: cats(composite),
  unitCount: 1,
});

describe("overview → trend rows", () => {
  const trend = [point("2026Q1", 71.26), point("2026Q2", null, 0), point("2026Q3", 80.04)];

  it("has one row per quarter of the range, scores to one decimal, gaps kept as null", () => {
    const d = compositeTrendData(trend, { quarter: "季度", composite: "综合得分", units: "单位数", expected: "应报单位数" }, q);
    expect(d.columns.map((c) => c.label)).toEqual(["季度", "综合得分", "单位数", "应报单位数"]);
    expect(d.rows).toEqual([
      { quarter: "2026年第1季度", composite: 71.3, units: 3, expected: null },
      { quarter: "2026年第2季度", composite: null, units: 0, expected: null },
      { quarter: "2026年第3季度", composite: 80, units: 3, expected: null },
    ]);
    expect(d.columns[2]!.decimals).toBe(0);
  });

  it("category trends have one column per shown category, only the filtered one when set", () => {
    const all = categoryTrendData(trend, shownCategories(null), { quarter: "季度", category: (c) => c.toUpperCase() }, q);
    expect(all.columns.map((c) => c.key)).toEqual(["quarter", ...categoryCodes]);
    expect(all.rows[0]).toMatchObject({ leadership: 71, vanguard: 72, responsibility: 76 });
    const one = categoryTrendData(trend, shownCategories("methods"), { quarter: "季度", category: (c) => c }, q);
    expect(one.columns.map((c) => c.key)).toEqual(["quarter", "methods"]);
    expect(Object.keys(one.rows[0]!)).toEqual(["quarter", "methods"]);
    expect(one.rows[1]!.methods).toBeNull();
  });
});

describe("radar rows", () => {
  it("compares each category this quarter with the quarter before, labelled by quarter", () => {
    const d = radarData(
      point("2026Q3", 80),
      point("2026Q2", 60),
      [...categoryCodes],
      { category: "类别", categoryName: (c) => `名${c}` },
      q,
    );
    expect(d.columns.map((c) => c.label)).toEqual(["类别", "2026年第3季度", "2026年第2季度"]);
    expect(d.rows).toHaveLength(6);
    expect(d.rows[0]).toEqual({ category: "名leadership", current: 80, previous: 60 });
  });

  it("has no previous column without a previous quarter, and nothing without a latest one", () => {
    const d = radarData(point("2026Q3", 80), null, [...categoryCodes], { category: "类别", categoryName: (c) => c }, q);
    expect(d.columns.map((c) => c.key)).toEqual(["category", "current"]);
    expect(d.rows[0]).not.toHaveProperty("previous");
    expect(radarData(null, null, [...categoryCodes], { category: "类别", categoryName: (c) => c }, q).rows).toEqual([]);
  });
});

describe("heatmap rows", () => {
  it("one row per unit: composite, then the shown categories", () => {
    const d = heatmapData([unit(7, 66.66), unit(8, null)], shownCategories("vanguard"), {
      unit: "单位",
      composite: "综合",
      category: (c) => c,
    });
    expect(d.columns.map((c) => c.key)).toEqual(["unit", "composite", "vanguard"]);
    expect(d.rows).toEqual([
      { unit: "单位7", composite: 66.7, vanguard: 67.7 },
      { unit: "单位8", composite: null, vanguard: null },
    ]);
  });
});

describe("best and worst units", () => {
  it("takes the top five and the bottom five (worst first), leaving out units without a score", () => {
    const rows = [55, 91, null, 72, 40, 88, 63, 79, 95, 50, 68, 84].map((s, i) => unit(i + 1, s));
    const { best, worst } = bestWorst(rows);
    expect(best.map((u) => u.composite)).toEqual([95, 91, 88, 84, 79]);
    expect(worst.map((u) => u.composite)).toEqual([40, 50, 55, 63, 68]);
  });

  it("never lists a unit twice when there are fewer than ten", () => {
    const { best, worst } = bestWorst([70, 60, 80, 90, 50, 65, 75].map((s, i) => unit(i + 1, s)));
    expect(best.map((u) => u.composite)).toEqual([90, 80, 75, 70, 65]);
    expect(worst.map((u) => u.composite)).toEqual([50, 60]);
    expect(bestWorst([unit(1, 70), unit(2, 60)]).worst).toEqual([]);
  });

  it("exports rank, group and score per listed unit", () => {
    const d = bestWorstData(bestWorst([unit(1, 70), unit(2, 60), unit(3, 80), unit(4, 90), unit(5, 50), unit(6, 40)]), {
      unit: "单位",
      group: "分组",
      rank: "名次",
      composite: "综合",
      best: "最好",
      worst: "最差",
    });
    expect(d.rows.map((r) => [r.group, r.rank, r.unit, r.composite])).toEqual([
      ["最好", 1, "单位4", 90],
      ["最好", 2, "单位3", 80],
      ["最好", 3, "单位1", 70],
      ["最好", 4, "单位2", 60],
      ["最好", 5, "单位5", 50],
      ["最差", 1, "单位6", 40],
    ]);
  });
});

describe("completeness rows", () => {
  it("counts drafts and returned reports together, with shares of all units", () => {
    const d = completenessData(
      { total: 8, notStarted: 1, draft: 1, returned: 1, submitted: 2, approved: 3, late: 1, overdue: 0, onTime: 4, onTimeRate: 50 },
      { state: "状态", count: "数", share: "占比", name: (k) => k },
    );
    expect(d.rows.map((r) => [r.state, r.count, r.share])).toEqual([
      ["approved", 3, 37.5],
      ["submitted", 2, 25],
      ["draft", 2, 25],
      ["notStarted", 1, 12.5],
    ]);
  });
});
