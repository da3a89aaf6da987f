import { describe, expect, it } from "vitest";
import {
  bandCentres,
  evenTicks,
  linearScale,
  monotonePath,
  niceTicks,
  pointPositions,
  polygonPath,
  presentRuns,
  radialPoints,
  spokeAnchor,
  spokeAngle,
} from "~/app/_components/charts/svg-geometry";

/** The numbers of a path, in order. */
const numbers = (d: string) => (d.match(/-?\d+(\.\d+)?/g) ?? []).map(Number);

describe("scales", () => {
  it("maps a domain onto a range, also backwards (y grows downwards)", () => {
    const y = linearScale([0, 100], [254, 18]);
    expect(y(0)).toBe(254);
    expect(y(100)).toBe(18);
    expect(y(50)).toBe(136);
  });

  it("puts each category in the middle of its band", () => {
    expect(bandCentres(4, 36, 400)).toEqual([86, 186, 286, 386]);
    expect(bandCentres(0, 0, 100)).toEqual([]);
  });

  it("spreads a line's points from edge to edge, one point in the middle", () => {
    expect(pointPositions(5, 36, 400)).toEqual([36, 136, 236, 336, 436]);
    expect(pointPositions(1, 36, 400)).toEqual([236]);
  });

  it("gives a score axis five even ticks", () => {
    expect(evenTicks(0, 100, 5)).toEqual([0, 25, 50, 75, 100]);
  });
});

describe("niceTicks (a count axis)", () => {
  it("steps by 1, 2, 2.5 or 5 times a power of ten and reaches the largest value", () => {
    expect(niceTicks(7, 5, true)).toEqual([0, 2, 4, 6, 8]);
    expect(niceTicks(40, 5, true)).toEqual([0, 10, 20, 30, 40]);
    expect(niceTicks(93, 5, true)).toEqual([0, 25, 50, 75, 100]);
    expect(niceTicks(0.8, 5)).toEqual([0, 0.2, 0.4, 0.6, 0.8]);
  });

  it("keeps whole steps for counts and an axis for nothing", () => {
    expect(niceTicks(3, 5, true)).toEqual([0, 1, 2, 3]);
    expect(niceTicks(0, 5, true)).toEqual([0, 1]);
  });
});

describe("presentRuns (a line's gaps)", () => {
  it("splits a series at missing values, keeping lone points as runs of one", () => {
    expect(presentRuns([1, 2, null, 4, undefined, 6, 7])).toEqual([[0, 1], [3], [5, 6]]);
    expect(presentRuns([null, null])).toEqual([]);
  });
});

describe("monotonePath", () => {
  it("draws one point as a bare move and two as a straight line", () => {
    expect(monotonePath([{ x: 10, y: 20 }])).toBe("M10,20");
    expect(
      monotonePath([
        { x: 10, y: 20 },
        { x: 30, y: 40 },
      ]),
    ).toBe("M10,20L30,40");
  });

  it("passes through every point with one cubic per segment", () => {
    const pts = [
      { x: 0, y: 100 },
      { x: 50, y: 40 },
      { x: 100, y: 60 },
      { x: 150, y: 10 },
    ];
    const d = monotonePath(pts);
    expect(d.match(/C/g)).toHaveLength(3);
    const n = numbers(d);
    // Each cubic ends on the next point.
    expect([n.slice(6, 8), n.slice(12, 14), n.slice(18, 20)]).toEqual([
      [50, 40],
      [100, 60],
      [150, 10],
    ]);
  });

  it("never overshoots: a flat stretch stays flat and a peak's control points stay level with it", () => {
    const d = monotonePath([
      { x: 0, y: 50 },
      { x: 10, y: 50 },
      { x: 20, y: 50 },
    ]);
    expect(numbers(d).filter((_, i) => i % 2 === 1)).toEqual([50, 50, 50, 50, 50, 50, 50]);
    const peak = numbers(
      monotonePath([
        { x: 0, y: 80 },
        { x: 10, y: 20 },
        { x: 20, y: 80 },
      ]),
    );
    // The control points beside the peak (at y=20) have y=20: the curve's tangent is flat there.
    expect(peak[5]).toBe(20);
    expect(peak[9]).toBe(20);
    const ys = peak.filter((_, i) => i % 2 === 1);
    expect(Math.min(...ys)).toBe(20);
    expect(Math.max(...ys)).toBeLessThanOrEqual(80);
  });

  it("matches d3's curveMonotoneX on a known series (what recharts drew)", () => {
    // d3.line().curve(d3.curveMonotoneX)([[0,0],[1,1],[2,0]]) = "M0,0C0.333,0.5,0.667,1,1,1C1.333,1,1.667,0.5,2,0"
    const d = monotonePath([
      { x: 0, y: 0 },
      { x: 30, y: 30 },
      { x: 60, y: 0 },
    ]);
    expect(d).toBe("M0,0C10,15,20,30,30,30C40,30,50,15,60,0");
  });
});

describe("radar geometry", () => {
  it("starts the first spoke at 12 o'clock and goes clockwise", () => {
    const [top, right, bottom, left] = radialPoints([100, 100, 100, 100], 100, 50, 50, 40);
    expect(top!.x).toBeCloseTo(50);
    expect(top!.y).toBeCloseTo(10);
    expect(right!.x).toBeCloseTo(90);
    expect(bottom!.y).toBeCloseTo(90);
    expect(left!.x).toBeCloseTo(10);
  });

  it("scales a value along its spoke and anchors labels away from the centre", () => {
    const [half] = radialPoints([50], 100, 0, 0, 80);
    expect(half!.y).toBeCloseTo(-40);
    expect(spokeAnchor(spokeAngle(0, 6))).toBe("middle");
    expect(spokeAnchor(spokeAngle(1, 6))).toBe("start");
    expect(spokeAnchor(spokeAngle(5, 6))).toBe("end");
    expect(
      polygonPath([
        { x: 0, y: 0 },
        { x: 1, y: 0 },
        { x: 1, y: 1 },
      ]),
    ).toBe("M0,0L1,0L1,1Z");
  });
});
