import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { formatCell, type ChartData } from "~/app/_components/charts/chart-data";
import { neutraliseFormula, toCsv } from "~/app/_components/charts/csv";
import { heatColor, heatTextColor } from "~/app/_components/charts/heat-scale";
import { asciiFileName, sanitiseFileName } from "~/lib/file-name";
import { chartExportSchema } from "~/server/services/export/chart-schema";
import { buildChartWorkbook } from "~/server/services/export/chart-workbook";

const data: ChartData = {
  columns: [
    { key: "unit", label: "单位" },
    { key: "score", label: "得分" },
    { key: "n", label: "单位数", decimals: 0 },
  ],
  rows: [
    { unit: "第一党支部", score: 81.25, n: 3 },
    { unit: '=HYPERLINK("http://x")', score: null, n: 0 },
    { unit: "-2+3", score: -3, n: 1 },
    { unit: "@SUM(A1)", score: 100, n: 2 },
    { unit: "含,逗号", score: 7, n: 1, extra: "not a column" },
  ],
};

describe("chart CSV", () => {
  const csv = toCsv(data);
  const lines = csv.slice(1).trimEnd().split("\r\n");

  it("starts with a UTF-8 BOM and writes the header labels", () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(new TextEncoder().encode(csv).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
    expect(lines[0]).toBe("单位,得分,单位数");
  });

  it("writes numbers as the table does (column decimals) and missing values empty", () => {
    expect(lines[1]).toBe("第一党支部,81.3,3");
    expect(formatCell(81.25, data.columns[1]!)).toBe("81.3");
    expect(lines[2]!.endsWith(",,0")).toBe(true);
  });

  it("neutralises text that Excel would run as a formula, but not numbers", () => {
    expect(lines[2]!.startsWith(`"'=HYPERLINK(""http://x"")"`)).toBe(true);
    expect(lines[3]).toBe("'-2+3,-3.0,1");
    expect(lines[4]!.startsWith("'@SUM(A1)")).toBe(true);
    expect(neutraliseFormula("+1")).toBe("'+1");
    expect(neutraliseFormula("党建")).toBe("党建");
  });

  it("quotes cells with commas and writes only the columns", () => {
    expect(lines[5]).toBe('"含,逗号",7.0,1');
    expect(csv).not.toContain("not a column");
  });
});

describe("chart .xlsx", () => {
  it("holds the same rows, numbers as numbers with the column's format, names as text", async () => {
    const file = await buildChartWorkbook(chartExportSchema.parse({ exportName: "综合得分/趋势:2026", title: "综合得分", ...data }));
    expect(file.fileName).toBe("综合得分_趋势_2026.xlsx");
    expect(file.asciiFileName).toBe("2026.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.body as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe("综合得分");
    expect(ws.getRow(1).values).toEqual([undefined, "单位", "得分", "单位数"]);
    expect(ws.rowCount).toBe(6);
    expect(ws.getCell("A2").value).toBe("第一党支部");
    expect(ws.getCell("B2").value).toBe(81.25);
    expect(ws.getColumn(2).numFmt).toBe("0.0");
    expect(ws.getColumn(3).numFmt).toBe("0");
    expect(ws.getCell("B3").value).toBeNull();
    // A typed text cell is never a formula.
    expect(ws.getCell("A3").type).toBe(ExcelJS.ValueType.String);
  });

  it("names the sheet as Excel allows: no apostrophe at either end, no emoji cut in half; own cells only", async () => {
    const quoted = await buildChartWorkbook(chartExportSchema.parse({ exportName: "x", title: "'; drop table units; --'", ...data }));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(quoted.body as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.name).toBe("; drop table units; --");
    const emoji = await buildChartWorkbook(chartExportSchema.parse({ exportName: "x", title: "😀".repeat(20), ...data }));
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(emoji.body as unknown as ArrayBuffer);
    expect(wb2.worksheets[0]!.name).toBe("😀".repeat(15));
    // Rows as the worker receives them (plain objects): a column keyed toString reads no prototype method.
    const plain = await buildChartWorkbook({ exportName: "x", columns: [{ key: "toString", label: "t" }], rows: [{}] });
    const wb3 = new ExcelJS.Workbook();
    await wb3.xlsx.load(plain.body as unknown as ArrayBuffer);
    expect(wb3.worksheets[0]!.getCell("A2").value).toBeNull();
  });

  it("refuses bodies over the limits with a Chinese-first message naming the field", () => {
    const tooMany = chartExportSchema.safeParse({
      exportName: "x",
      columns: data.columns,
      rows: Array.from({ length: 50_001 }, () => ({})),
    });
    expect(tooMany.success).toBe(false);
    expect(tooMany.error!.issues[0]!.path).toEqual(["rows"]);
    expect(tooMany.error!.issues[0]!.message).toMatch(/^最多 50000 行（at most 50,000 rows）$/);
    const wide = chartExportSchema.safeParse({
      exportName: "x",
      columns: Array.from({ length: 51 }, (_, i) => ({ key: `c${i}`, label: "" })),
      rows: [],
    });
    expect(wide.error!.issues[0]!.path).toEqual(["columns"]);
    const dup = chartExportSchema.safeParse({
      exportName: "x",
      columns: [
        { key: "a", label: "1" },
        { key: "a", label: "2" },
      ],
      rows: [],
    });
    expect(dup.error!.issues[0]!.message).toContain("列标识重复");
    const badCell = chartExportSchema.safeParse({ exportName: "x", columns: [{ key: "a", label: "1" }], rows: [{ a: { nested: 1 } }] });
    expect(badCell.success).toBe(false);
    expect(chartExportSchema.safeParse({ exportName: "  ", columns: [{ key: "a", label: "1" }], rows: [] }).success).toBe(false);
  });
});

describe("file names", () => {
  it("drops reserved characters and leading dots, keeps Chinese, falls back to “chart”", () => {
    expect(sanitiseFileName('../a\\b:c*?"<>|d')).toBe("a_b_c_d");
    expect(sanitiseFileName("党建综合得分趋势_2024Q4-2026Q3")).toBe("党建综合得分趋势_2024Q4-2026Q3");
    expect(sanitiseFileName("...")).toBe("chart");
    expect(asciiFileName("党建_2026Q3")).toBe("2026Q3");
    expect(asciiFileName("党建")).toBe("chart");
  });
});

describe("heatmap colour scale", () => {
  it("gets darker as scores rise, clamps to 0–100, greys missing scores", () => {
    const lum = (hex: string) => [1, 3, 5].reduce((s, i) => s + parseInt(hex.slice(i, i + 2), 16), 0);
    const scores = [0, 30, 50, 65, 80, 95, 100];
    const l = scores.map((s) => lum(heatColor(s)));
    for (let i = 1; i < l.length; i++) expect(l[i]!).toBeLessThan(l[i - 1]!);
    expect(heatColor(-5)).toBe(heatColor(0));
    expect(heatColor(140)).toBe(heatColor(100));
    expect(heatColor(null)).toBe("#f0f0f0");
  });

  it("prints white on dark cells and dark text on light ones", () => {
    expect(heatTextColor(100)).toBe("#ffffff");
    expect(heatTextColor(20)).toBe("#171717");
  });
});

describe("SVG label fitting", () => {
  it("splits Chinese labels evenly without starting a line with a closing quote, English at spaces", async () => {
    const { wrap, truncate } = await import("~/app/_components/charts/svg-text");
    expect(wrap("“一把手”重视不够", 13, 3)).toEqual(["“一把手”", "重视不够"]);
    expect(wrap("党员先锋作用", 13, 3)).toEqual(["党员先锋作用"]);
    expect(wrap("Members' vanguard role", 13, 3)).toEqual(["Members'", "vanguard role"]);
    expect(truncate("市交通运输综合行政执法支队党支部", 26)).toBe("市交通运输综合行政执法支…");
    expect(truncate("党支部", 26)).toBe("党支部");
  });
});

describe("file names cut between characters (issue 13.5)", () => {
  it("never leaves half an emoji at the 80-character limit, and drops unpaired surrogates", () => {
    for (let lead = 70; lead <= 82; lead++) {
      const name = sanitiseFileName(`${"a".repeat(lead)}${"😀".repeat(10)}`);
      expect(name.isWellFormed()).toBe(true);
      expect(Array.from(name).length).toBeLessThanOrEqual(80);
      expect(() => encodeURIComponent(name)).not.toThrow();
    }
    expect(sanitiseFileName("报表\uD800")).toBe("报表_");
  });
});
