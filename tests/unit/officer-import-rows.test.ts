import { describe, expect, it } from "vitest";
import { readRosterRows } from "~/server/services/officer-import/rows";
import type { Cell, ParsedSheet } from "~/server/services/spreadsheet/read-file";
import { describeSheetError, ErrorList } from "~/server/services/spreadsheet/sheet-errors";

/** The 干部名册 rows as a person types them: reading each one on its own, before the roster rules. */
const headers = ["单位编号", "单位名称", "姓名", "职务", "专职", "一肩挑", "任职开始", "任职结束"];
const sheetOf = (rows: Cell[][]): ParsedSheet => ({
  name: "干部名册",
  headerRow: 1,
  headers: new Set(headers),
  rows: rows.map((cells, i) => ({ row: i + 2, cells: { get: (h: string) => cells[headers.indexOf(h)] ?? null } })),
});
const read = (rows: Cell[][], today = "2026-12-06") => {
  const errors = new ErrorList();
  const out = readRosterRows(sheetOf(rows), errors, today);
  return { rows: out, errors: errors.listed.map(describeSheetError) };
};

describe("a roster row", () => {
  it("reads posts by their Chinese names, 是/否, and dates as Excel dates, serial numbers or text", () => {
    const { rows, errors } = read([
      [12, "某支部", " 张伟 ", "书记", "是", "否", new Date(Date.UTC(2024, 0, 5)), null],
      ["１２", null, "刘洋", "副书记", "否", null, "2024年3月1日", "2025/6/30"],
      [12, null, "陈静", "委员", true, 1, 45_292, "2024-1-5"], // 45292 = 2024-01-01
    ]);
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      { row: 2, unitId: 12, name: "张伟", post: "secretary", fullTime: true, concurrentHead: false, from: "2024-01-05", to: null },
      {
        row: 3,
        unitId: 12,
        name: "刘洋",
        post: "deputy_secretary",
        fullTime: false,
        concurrentHead: false,
        from: "2024-03-01",
        to: "2025-06-30",
      },
      { row: 4, unitId: 12, name: "陈静", post: "member", fullTime: true, concurrentHead: true, from: "2024-01-01", to: "2024-01-05" },
    ]);
  });

  it("skips a unit's placeholder row (only its code and name)", () => {
    expect(read([[12, "某支部", null, null, null, null, null, null]])).toEqual({ rows: [], errors: [] });
  });

  it("names every problem of a row with its row number and column, in Chinese first", () => {
    const { rows, errors } = read([
      [null, null, "", "组长", "也许", null, "去年春天", null],
      [12, null, "王五", "委员", null, null, "2024-02-30", null],
      [12, null, "赵六", "委员", null, null, "2024-05-01", "2024-04-30"],
      [12, null, "孙七", "书记", null, null, "2027-01-01", null],
      [-3, null, "周八", null, null, null, null, "1970-01-01"],
    ]);
    expect(rows).toEqual([]);
    expect(errors).toEqual([
      expect.stringMatching(/^干部名册 第2行「单位编号」：请填写单位编号/),
      expect.stringMatching(/^干部名册 第2行「姓名」：请填写姓名/),
      expect.stringMatching(/^干部名册 第2行「职务」：职务“组长”无法识别/),
      expect.stringMatching(/^干部名册 第2行「专职」：须填写“是”或“否”，不能是“也许”/),
      expect.stringMatching(/^干部名册 第2行「任职开始」：日期无法识别（“去年春天”）/),
      expect.stringMatching(/^干部名册 第3行「任职开始」：日期无法识别（“2024-02-30”）/),
      expect.stringMatching(/^干部名册 第4行「任职结束」：任职结束日期 2024-04-30 早于任职开始日期 2024-05-01/),
      expect.stringMatching(/^干部名册 第5行「任职开始」：任职开始日期 2027-01-01 晚于今天/),
      expect.stringMatching(/^干部名册 第6行「单位编号」：单位编号须为正整数/),
      expect.stringMatching(/^干部名册 第6行「职务」：请填写职务/),
      expect.stringMatching(/^干部名册 第6行「任职开始」：请填写任职开始日期/),
      expect.stringMatching(/^干部名册 第6行「任职结束」：日期 1970-01-01 早于 1980 年/),
    ]);
  });
});
