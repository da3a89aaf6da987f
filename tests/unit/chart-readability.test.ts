import { describe, expect, it } from "vitest";
import { subunitsState } from "~/app/(app)/dashboard/subunits";
import { trendCoverage } from "~/app/(app)/dashboard/mappers";
import type { QuarterScores } from "~/app/(app)/dashboard/types";
import { nearestIndex } from "~/app/_components/charts/drill";
import { formatExportDate } from "~/app/_components/charts/export-meta";
import { labelAbove, layoutLabels, valueLabelBaseline, type Box, type PlacedLabel } from "~/app/_components/charts/label-layout";
import { tickStep } from "~/app/_components/charts/quarter-axis-tick";
import { quarterTickLines } from "~/app/_components/charts/quarter-ticks";
import { categoryCodes, type CategoryCode } from "~/lib/codes";

describe("nearestIndex (the quarter under a click)", () => {
  const centres = [100, 160, 220, 280]; // the axis labels' centres, 60 px apart

  it("takes the quarter whose label is nearest: a click on the label, the point or the band above it", () => {
    expect(nearestIndex(centres, 220)).toBe(2);
    expect(nearestIndex(centres, 246)).toBe(2);
    expect(nearestIndex(centres, 255)).toBe(3);
    expect(nearestIndex(centres, 75)).toBe(0);
  });

  it("never falls back to the first quarter: outside the bands or without labels it answers nothing", () => {
    expect(nearestIndex(centres, 20)).toBeNull(); // over the value axis
    expect(nearestIndex(centres, 400)).toBeNull();
    expect(nearestIndex([], 100)).toBeNull();
    expect(nearestIndex(centres, Number.NaN)).toBeNull();
    expect(nearestIndex([150], 10)).toBe(0); // one quarter: the whole chart is its band
  });
});

describe("quarterTickLines", () => {
  it("writes quarters in the page's language, the year under the first and where it changes", () => {
    const qs = ["2025Q4", "2026Q1", "2026Q2"];
    expect(quarterTickLines(qs, "zh-CN")).toEqual([["第4季度", "2025年"], ["第1季度", "2026年"], ["第2季度"]]);
    expect(quarterTickLines(qs, "en")).toEqual([["Q4", "2025"], ["Q1", "2026"], ["Q2"]]);
  });
});

describe("trendCoverage (partial quarters)", () => {
  const cats = Object.fromEntries(categoryCodes.map((c) => [c, 70])) as Record<CategoryCode, number | null>;
  const p = (quarter: string, unitCount: number, expectedUnits: number | undefined, composite: number | null = 70): QuarterScores => ({
    quarter,
    composite,
    business: null,
    categories: cats,
    unitCount,
    expectedUnits,
  });

  it("marks a quarter where fewer units counted than were due, with counted/due", () => {
    const c = trendCoverage(
      [p("2026Q2", 53, 53), p("2026Q3", 35, 53), p("2026Q1", 0, 53, null), p("2025Q4", 3, undefined)],
      (n, of) => `${n}/${of}`,
    );
    expect(c).toEqual([{ partial: false, label: "53/53" }, { partial: true, label: "35/53" }, null, null]);
  });
});

describe("formatExportDate", () => {
  it("writes one date format per language, in Beijing time", () => {
    const lateUtc = new Date("2026-12-05T17:30:00Z"); // already 6 December in Beijing
    expect(formatExportDate(lateUtc, "zh-CN")).toBe("2026年12月6日");
    expect(formatExportDate(lateUtc, "en")).toBe("2026-12-06");
  });
});

describe("layoutLabels (the quadrant's names never overlap)", () => {
  const bounds: Box = { x: 50, y: 10, w: 300, h: 200 };
  const hit = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
  const within = (a: Box) => a.x >= bounds.x && a.y >= bounds.y && a.x + a.w <= bounds.x + bounds.w && a.y + a.h <= bounds.y + bounds.h;

  it("places no label over another label, a dot or an obstacle, nor outside the plot, however crowded", () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let round = 0; round < 30; round++) {
      const dots = Array.from({ length: 5 + round }, (_, id) => ({
        id,
        cx: 50 + rnd() * 300,
        cy: 10 + rnd() * 200,
        text: "某某局机关党委第一党支部".slice(0, 2 + (id % 9)),
      }));
      const obstacles: Box[] = [{ x: 270, y: 190, w: 80, h: 20 }];
      const placed: PlacedLabel[] = layoutLabels(dots, { bounds, obstacles, dotRadius: 5 });
      for (const [i, a] of placed.entries()) {
        expect(within(a.box)).toBe(true);
        for (const b of placed.slice(i + 1)) expect(hit(a.box, b.box)).toBe(false);
        for (const d of dots) expect(hit(a.box, { x: d.cx - 5, y: d.cy - 5, w: 10, h: 10 })).toBe(false);
        expect(hit(a.box, obstacles[0]!)).toBe(false);
      }
    }
  });

  it("names two dots on the same spot once, and moves a label below or aside when above is taken", () => {
    const placed = layoutLabels(
      [
        { id: 1, cx: 200, cy: 100, text: "甲支部" },
        { id: 2, cx: 201, cy: 101, text: "乙支部" },
        { id: 3, cx: 200, cy: 80, text: "丙支部" },
      ],
      { bounds },
    );
    expect(placed.map((p) => p.id)).toContain(1);
    expect(placed.filter((p) => p.id === 1 || p.id === 2)).toHaveLength(1);
    expect(placed.find((p) => p.id === 3)).toBeDefined();
  });
});

describe("subunitsState on a phone", () => {
  const text = { staff: "s", leaf: (n: string) => `leaf ${n}`, noReports: "n", noSubunitScores: () => "x", tryInclude: "t" };
  it("marks the next-level cards always empty for staff and for a single branch, not for a quarter without reports", () => {
    expect(subunitsState({ quarter: "2026Q3", heatmap: undefined, loading: false, ownUnitOnly: true, unitName: "甲", text })).toMatchObject(
      { alwaysEmpty: true },
    );
    const leaf = { unitId: 1, quarter: "2026Q3", include: "approved" as const, rows: [] };
    expect(subunitsState({ quarter: "2026Q3", heatmap: leaf, loading: false, ownUnitOnly: false, unitName: "甲", text })).toMatchObject({
      alwaysEmpty: true,
    });
    expect(subunitsState({ quarter: null, heatmap: undefined, loading: false, ownUnitOnly: false, unitName: "甲", text }).kind).toBe(
      "empty",
    );
    expect(
      subunitsState({ quarter: null, heatmap: undefined, loading: false, ownUnitOnly: false, unitName: "甲", text }),
    ).not.toHaveProperty("alwaysEmpty");
  });
});

describe("tickStep (quarter labels on a phone)", () => {
  it("writes every quarter where the bands are wide enough, every second or third where they are not", () => {
    expect(tickStep(80, 50)).toBe(1);
    expect(tickStep(37, 50)).toBe(2);
    expect(tickStep(20, 50)).toBe(3);
    expect(tickStep(Number.NaN, 50)).toBe(1);
  });
});

describe("two lines' value labels at one quarter", () => {
  it("put the higher point's label above and the lower one's below, so they never meet between the lines", () => {
    // Business above Party building (重业务轻党建): business labelled above, Party building below.
    expect([labelAbove(62, 88, true), labelAbove(88, 62, false)]).toEqual([false, true]);
    expect([labelAbove(90, 70, true), labelAbove(70, 90, false)]).toEqual([true, false]);
    expect([labelAbove(75, 75, true), labelAbove(75, 75, false)]).toEqual([true, false]);
    expect(labelAbove(80, null, false)).toBe(false);
  });
});

describe("a bar's value label against the quota line", () => {
  // 35 units high over 202px: 差 9 is 52px tall, its top at y=170 (baseline 222); the 好 quota of 10 sits 5.8px above it.
  const bar = { y: 170, height: 52, count: 9 };
  const lineY = 222 - (10 / 9) * 52;
  it("moves the number above the line when the line would run through it", () => {
    const baseline = valueLabelBaseline(bar, 10);
    expect(valueLabelBaseline(bar, 10)).not.toBe(164);
    expect(baseline + 3).toBeLessThan(lineY); // the text's bottom clears the line
  });
  it("keeps the usual place when the line is clear (well above, or inside the bar) and for an empty bar", () => {
    expect(valueLabelBaseline(bar, 20)).toBe(164);
    expect(valueLabelBaseline(bar, 5)).toBe(164);
    expect(valueLabelBaseline({ y: 222, height: 0, count: 0 }, 1)).toBe(216);
  });
});
