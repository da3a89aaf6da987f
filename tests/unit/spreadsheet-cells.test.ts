import { describe, expect, it } from "vitest";
import {
  normaliseNumberText,
  readCount,
  readDate,
  readIndicatorValue,
  readInteger,
  readQuarter,
  readYesNo,
} from "~/server/services/spreadsheet/cells";
import { validateValues } from "~/server/services/report/validate-values";
import { normaliseHeader } from "~/server/services/spreadsheet/columns";
import { plainCell } from "~/server/services/spreadsheet/read-file";

describe("reading cells the way staff type them", () => {
  it("reads quarters as YYYYQn, lower case q, or 2026年第3季度", () => {
    expect(readQuarter("2026Q3")).toEqual({ ok: true, value: "2026Q3" });
    expect(readQuarter(" 2026q3 ")).toEqual({ ok: true, value: "2026Q3" });
    expect(readQuarter("2026年第三季度")).toEqual({ ok: true, value: "2026Q3" });
    expect(readQuarter("2026年第4季度")).toEqual({ ok: true, value: "2026Q4" });
    expect(readQuarter("2026Q5")).toMatchObject({ ok: false, message: expect.stringContaining("YYYYQn") });
    expect(readQuarter(null)).toMatchObject({ ok: false, message: expect.stringContaining("请填写季度") });
  });

  it("reads dates from date cells, Excel serials and the usual Chinese spellings", () => {
    expect(readDate(new Date(Date.UTC(2026, 2, 5)))).toEqual({ ok: true, value: "2026-03-05" });
    expect(readDate(46086)).toEqual({ ok: true, value: "2026-03-05" }); // Excel serial of 2026-03-05
    for (const text of ["2026-3-5", "2026/03/05", "2026.3.5", "2026年3月5日"])
      expect(readDate(text)).toEqual({ ok: true, value: "2026-03-05" });
    expect(readDate("下周一")).toEqual({ ok: true, value: "下周一" }); // left for the meeting schema to explain
    expect(readDate({ error: "#VALUE!" })).toMatchObject({ ok: false });
  });

  it("reads ids and counts as whole numbers, empty as null", () => {
    expect(readInteger("12", "单位编号")).toEqual({ ok: true, value: 12 });
    expect(readInteger(12, "单位编号")).toEqual({ ok: true, value: 12 });
    expect(readInteger(null, "单位编号")).toEqual({ ok: true, value: null });
    expect(readInteger("12a", "单位编号")).toMatchObject({ ok: false, message: "单位编号须为正整数（must be a positive whole number）" });
    expect(readInteger(-3, "单位编号")).toMatchObject({ ok: false });
    expect(readCount("3", "实到人数")).toEqual({ ok: true, value: 3 });
    expect(readCount(2.5, "实到人数")).toMatchObject({ ok: false, message: expect.stringContaining("实到人数须为整数") });
  });

  it("reads 是/否 and TRUE/FALSE as 1/0, and refuses dates as indicator values", () => {
    expect(readIndicatorValue("是")).toEqual({ ok: true, value: 1 });
    expect(readIndicatorValue(false)).toEqual({ ok: true, value: 0 });
    expect(readIndicatorValue("92.5%")).toEqual({ ok: true, value: "92.5%" }); // parseNumber strips the %
    expect(readIndicatorValue(new Date())).toMatchObject({ ok: false });
    expect(readYesNo("否")).toBe(false);
    expect(readYesNo("也许")).toBeNull();
  });

  it("reduces rich text, hyperlinks and formulas to their plain value", () => {
    expect(plainCell({ richText: [{ text: "党" }, { text: "课" }] })).toBe("党课");
    expect(plainCell({ text: "链接", hyperlink: "https://example.org" })).toBe("链接");
    expect(plainCell({ formula: "A1*2", result: 84 })).toBe(84);
    expect(plainCell({ formula: "A1*2" })).toBeNull();
    expect(plainCell("   ")).toBeNull();
  });

  it("matches headers whatever the spacing or a bracketed hint", () => {
    expect(normaliseHeader(" 日期（YYYY-MM-DD） ")).toBe("日期");
    expect(normaliseHeader("填报值 (%)")).toBe("填报值");
  });

  it("reads numbers as people type them: full-width digits and signs, 95％, thousands separators", () => {
    expect(readIndicatorValue("８５．５")).toEqual({ ok: true, value: "85.5" });
    expect(readIndicatorValue("９５％")).toEqual({ ok: true, value: "95%" });
    expect(readIndicatorValue("95 %")).toEqual({ ok: true, value: "95%" });
    expect(readIndicatorValue("1,234")).toEqual({ ok: true, value: "1234" });
    expect(readIndicatorValue("１，２３４．５")).toEqual({ ok: true, value: "1234.5" });
    expect(readInteger("１２", "单位编号")).toEqual({ ok: true, value: 12 });
    expect(readCount("－３", "实到人数")).toEqual({ ok: true, value: -3 });
    expect(readCount("1,200", "实到人数")).toEqual({ ok: true, value: 1200 });
    expect(readYesNo("１")).toBe(true);
    // A decimal comma or a stray letter is not guessed at: it stays as typed and is refused.
    expect(normaliseNumberText("1,5")).toBe("1,5");
    expect(normaliseNumberText("12a")).toBe("12a");
    // And what the validators then make of them, as for a value typed in the form.
    const catalogue = new Map([
      ["V1", { kind: "rate" as const, nameZh: "出勤率" }],
      ["L1", { kind: "count" as const, nameZh: "次数" }],
    ]);
    const read = (raw: string) => (readIndicatorValue(raw) as { value: string }).value;
    expect(
      validateValues(catalogue, [
        { indicatorCode: "V1", value: read("９５％") },
        { indicatorCode: "L1", value: read("1,234") },
      ]).parsed,
    ).toEqual(
      new Map([
        ["V1", 95],
        ["L1", 1234],
      ]),
    );
  });
});
