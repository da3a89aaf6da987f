import { describe, expect, it } from "vitest";
import { binChartData, densityClasses, densityColor } from "~/app/(app)/dashboard/quadrant/quadrant-data";
import { binOf, binPoints, quadrantBinning } from "~/lib/scoring/quadrant-bins";

describe("the quadrant's density grid (lib/scoring/quadrant-bins.ts)", () => {
  it("puts a score in the cell of its lower edge; 100 counts in the top cell", () => {
    expect([0, 1.99, 2, 59.9, 60, 99.99, 100].map((s) => binOf(s, 2))).toEqual([0, 0, 2, 58, 60, 98, 98]);
    expect([0, 4.9, 5, 100].map((s) => binOf(s, 5))).toEqual([0, 0, 5, 95]);
  });

  it("counts every unit exactly once, in ordered non-empty cells", () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * 100;
    const points = Array.from({ length: 5000 }, () => ({ business: Math.round(rnd() * 10) / 10, party: rnd() }));
    points.push({ business: 100, party: 100 }, { business: 0, party: 0 });
    const bins = binPoints(points, quadrantBinning.cell);
    expect(bins.reduce((n, b) => n + b.count, 0)).toBe(points.length);
    expect(bins.every((b) => b.count > 0)).toBe(true);
    const keys = bins.map((b) => `${b.business}/${b.party}`);
    expect(new Set(keys).size).toBe(bins.length);
    const sorted = [...bins].sort((a, b) => a.business - b.business || a.party - b.party);
    expect(bins).toEqual(sorted);
    for (const p of points.slice(0, 50)) {
      const bin = bins.find((b) => b.business <= p.business && p.business < b.business + 2 && b.party <= p.party && p.party < b.party + 2);
      expect(bin).toBeDefined();
    }
    expect(bins.at(-1)).toMatchObject({ business: 98, party: 98 });
  });

  it("the default bins above a few thousand units and lists at most 200 flagged ones", () => {
    expect(quadrantBinning.binAbove).toBeGreaterThanOrEqual(1000);
    expect(quadrantBinning.flaggedLimit).toBe(200);
    expect(100 % quadrantBinning.cell).toBe(0);
  });
});

describe("the density shades", () => {
  it("cover 1 to the largest count without gaps, in at most five round-numbered classes", () => {
    for (const max of [1, 2, 3, 5, 6, 7, 42, 420, 9999]) {
      const classes = densityClasses(max);
      expect(classes.length).toBeGreaterThan(0);
      expect(classes.length).toBeLessThanOrEqual(5);
      expect(classes[0]!.from).toBe(1);
      expect(classes.at(-1)!.to).toBe(max);
      for (let i = 1; i < classes.length; i++) expect(classes[i]!.from).toBe(classes[i - 1]!.to + 1);
      expect(new Set(classes.map((c) => c.color)).size).toBe(classes.length);
    }
    expect(densityClasses(420).map((c) => [c.from, c.to])).toEqual([
      [1, 5],
      [6, 20],
      [21, 50],
      [51, 200],
      [201, 420],
    ]);
    expect(densityClasses(0)).toEqual([]);
  });

  it("shade a cell by the class its count falls in, darker for more units", () => {
    const classes = densityClasses(420);
    expect(densityColor(1, classes)).toBe(classes[0]!.color);
    expect(densityColor(20, classes)).toBe(classes[1]!.color);
    expect(densityColor(21, classes)).toBe(classes[2]!.color);
    expect(densityColor(420, classes)).toBe(classes[4]!.color);
    // the palest shade is for the fewest units (a single class gets the darkest)
    expect(densityClasses(1)[0]!.color).toBe(classes[4]!.color);
  });

  it("the grid's table: one row per cell with its score ranges and count", () => {
    const data = binChartData([{ business: 80, party: 60, count: 35 }], 2, { business: "业务", party: "党建", count: "单位数" });
    expect(data.columns.map((c) => c.label)).toEqual(["业务", "党建", "单位数"]);
    expect(data.rows).toEqual([{ business: "80–82", party: "60–62", count: 35 }]);
  });
});
