import ExcelJS from "exceljs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { parseSpreadsheetBytes } from "~/server/services/spreadsheet/parse-file";

/**
 * Hostile and odd files are refused quickly, with a message that says what to do, by the
 * streaming reader the worker threads run (issue #13; issue #12 defect 13 for .ods and “;”).
 */

const header = ["单位编号", "季度", "指标代码", "填报值"];

async function xlsx(rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("指标");
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The workbook with its first sheet's XML replaced. */
async function withSheetXml(xml: string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(await xlsx([]));
  zip.file("xl/worksheets/sheet1.xml", xml);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 9 } });
}

const sheetXml = (rows: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` +
  `<row r="1"><c r="A1" t="inlineStr"><is><t>指标代码</t></is></c></row>${rows}</sheetData></worksheet>`;

/** Rewrites the inflated size the zip declares for `entry` (local header and central directory). */
function declareSize(zip: Buffer, entry: string, size: number): Buffer {
  const out = Buffer.from(zip);
  const name = Buffer.from(entry);
  for (let i = 0; i < out.length - 4; i++) {
    const sig = out.readUInt32LE(i);
    if (sig === 0x04034b50 && out.subarray(i + 30, i + 30 + name.length).equals(name)) out.writeUInt32LE(size, i + 22);
    if (sig === 0x02014b50 && out.subarray(i + 46, i + 46 + name.length).equals(name)) out.writeUInt32LE(size, i + 24);
  }
  return out;
}

const refusal = async (bytes: Buffer, fileName = "上传.xlsx") => {
  const result = await parseSpreadsheetBytes(bytes, fileName);
  if (result.ok) throw new Error("the file was accepted");
  return result.message;
};

describe("the streaming reader's limits", () => {
  it("refuses a zip bomb of 4,000,000 empty rows within seconds, at the row limit", async () => {
    const rows: string[] = [];
    for (let r = 2; r <= 4_000_000; r++) rows.push("<row/>");
    const bomb = await withSheetXml(sheetXml(rows.join("")));
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const started = performance.now();
    expect(await refusal(bomb)).toMatch(/超过 250000 行的上限/);
    expect(performance.now() - started).toBeLessThan(15_000);
  }, 60_000);

  it("refuses an entry that inflates beyond the size its header declares, and one that declares too much", async () => {
    const big = await withSheetXml(sheetXml(`<row r="2"><c r="A2" t="inlineStr"><is><t>${"x".repeat(200_000)}</t></is></c></row>`));
    expect(await refusal(declareSize(big, "xl/worksheets/sheet1.xml", 1_000))).toMatch(/解压后超过/);
    expect(await refusal(declareSize(big, "xl/worksheets/sheet1.xml", 0x7fffffff))).toMatch(/解压后超过/);
  });

  it("refuses a row with too many columns and a cell beyond Excel's 32,767 characters", async () => {
    const wide = Array.from({ length: 300 }, (_, i) => i);
    expect(await refusal(await xlsx([wide]))).toMatch(/超过 200 列的上限/);
    expect(await refusal(await xlsx([[1, "2026Q3", "V1_attendance_rate", "x".repeat(40_000)]]))).toMatch(/超过 32767 个字符/);
  });

  it("tells an .ods file to be saved as .xlsx, and a ;-separated CSV to use commas", async () => {
    const ods = await new JSZip().file("mimetype", "application/vnd.oasis.opendocument.spreadsheet").generateAsync({ type: "nodebuffer" });
    expect(await refusal(ods, "报表.ods")).toMatch(/OpenDocument.*另存为.*\.xlsx/);
    const csv = Buffer.from("单位编号;季度;指标代码;填报值\n12;2026Q3;V1_attendance_rate;95\n");
    expect(await refusal(csv, "报表.csv")).toMatch(/分号.*逗号/);
  });

  it("still reads an ordinary template, only the columns the importer needs", async () => {
    const result = await parseSpreadsheetBytes(await xlsx([[12, "2026Q3", "V1_attendance_rate", 95]]), "报表.xlsx");
    expect(result).toMatchObject({
      ok: true,
      file: {
        kind: "xlsx",
        meetings: null,
        indicators: { name: "指标", headerRow: 1, rowNumbers: [2], values: [12, "2026Q3", "V1_attendance_rate", 95] },
      },
    });
  });
});
