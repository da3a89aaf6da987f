import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { overviewBoxes } from "~/app/(app)/dashboard/overview-boxes";
import { RankedUnitBars } from "~/app/_components/charts/chart-bar-ranked-units";
import { heatmapBox, rankedBox } from "~/app/_components/charts/chart-boxes";
import { UnitHeatmap } from "~/app/_components/charts/chart-heatmap-units";

// The overview's heatmap and best/worst are drawn when scrolled near (issue 16); until then their
// placeholder holds the box they will take, so the page does not move when they appear.
const viewBox = (html: string) => /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(html)!.slice(1).map(Number);
const units = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ id: i + 1, name: `第${i + 1}党支部`, values: [80 - i, 70, null, 60, 90, 50, 75] }));
const columns = ["综合得分", "一", "二", "三", "四", "五", "六"];

describe("the boxes of the charts drawn near the window", () => {
  it("the heatmap's placeholder has the grid's drawn size, at any number of units and columns", () => {
    for (const [n, cols] of [
      [1, 2],
      [7, 7],
      [23, 7],
    ] as const) {
      const html = renderToStaticMarkup(
        createElement(UnitHeatmap, {
          units: units(n).map((u) => ({ ...u, values: u.values.slice(0, cols) })),
          columns: columns.slice(0, cols),
          label: "热力图",
          legendLabel: "得分",
        }),
      );
      const box = heatmapBox(n, cols);
      expect(viewBox(html)).toEqual([box.width, box.height]);
    }
  });

  it("a heatmap cell is its rect and its number, without a wrapper", () => {
    const html = renderToStaticMarkup(createElement(UnitHeatmap, { units: units(3), columns, label: "热力图", legendLabel: "得分" }));
    // Per unit: its row group, the name (rect, text, title) and two elements per cell.
    const row = /<g data-unit-id="1"[^>]*>([\s\S]*?)<\/g><g data-unit-id="2"/.exec(html)![1]!;
    expect(row.match(/<(rect|text|g|title)\b/g)).toHaveLength(3 + 2 * columns.length);
  });

  it("best/worst's placeholder has the bars' drawn size; the page works both out on the server", () => {
    const list = (n: number) => Array.from({ length: n }, (_, i) => ({ id: i + 1, name: `单位${i + 1}`, score: 90 - i }));
    for (const [best, worst] of [
      [5, 5],
      [3, 0],
      [0, 0],
    ] as const) {
      const html = renderToStaticMarkup(
        createElement(RankedUnitBars, {
          label: "最好最差",
          lists: [
            { title: "最好", color: "#000", units: list(best), emptyText: "—" },
            { title: "最差", color: "#000", units: list(worst), emptyText: "—" },
          ],
        }),
      );
      const box = rankedBox(2, Math.max(best, worst));
      expect(viewBox(html)).toEqual([box.width, box.height]);
    }
    const rows = units(8).map((u) => ({ id: u.id, name: u.name, composite: u.values[0]!, categories: {} }));
    const boxes = overviewBoxes({ rows } as never, null);
    expect(boxes.heatmap).toEqual({
      aspectRatio: `${heatmapBox(8, 7).width} / ${heatmapBox(8, 7).height}`,
      maxWidth: heatmapBox(8, 7).maxWidth,
    });
    expect(boxes.bestWorst.aspectRatio).toBe(`${rankedBox(2, 5).width} / ${rankedBox(2, 5).height}`);
  });
});
