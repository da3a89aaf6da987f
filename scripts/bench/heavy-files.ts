import ExcelJS from "exceljs";
import JSZip from "jszip";

/**
 * The files of the heavy-upload benchmark (issue #13): a legitimate 200,000-row 指标 sheet, and a
 * zip bomb — a valid .xlsx whose sheet holds 4,000,000 empty rows (≈ 0.5 MB zipped, ≈ 100 MB inflated).
 */

const codes = ["L1_topic_meetings", "L2_secretary_lectures", "V1_attendance_rate", "V2_volunteer_rate", "BUSINESS_SCORE"];

const xmlCell = (v: string | number, ref: string) =>
  typeof v === "number"
    ? `<c r="${ref}"><v>${v}</v></c>`
    : `<c r="${ref}" t="inlineStr"><is><t>${v.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</t></is></c>`;
const letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

/**
 * A workbook whose 指标 sheet holds `rows` as written, built as one XML string (exceljs would
 * hold every cell as an object: a 200,000-row file costs it ~1 GB in the generating process).
 */
export async function rawSheet(rows: (string | number)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("指标").addRow(["单位编号"]);
  const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  const parts = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
  ];
  rows.forEach((r, i) => parts.push(`<row r="${i + 1}">${r.map((v, c) => xmlCell(v, `${letters[c]}${i + 1}`)).join("")}</row>`));
  parts.push("</sheetData></worksheet>");
  zip.file("xl/worksheets/sheet1.xml", parts.join(""));
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 6 } });
}

/** `rows` rows of 单位编号 / 季度 / 指标代码 / 填报值 over the given unit ids, as a whole-tree template would hold. */
export function bigSheet(rows: number, unitIds: number[], quarter = "2026Q3"): Promise<Buffer> {
  const out: (string | number)[][] = [["单位编号", "季度", "指标代码", "填报值"]];
  for (let i = 0; i < rows; i++)
    out.push([unitIds[Math.floor(i / codes.length) % unitIds.length]!, quarter, codes[i % codes.length]!, 50 + (i % 50)]);
  return rawSheet(out);
}

/** A real workbook whose first sheet is replaced by `emptyRows` rows without cells. */
export async function zipBomb(emptyRows = 4_000_000): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("指标").addRow(["单位编号", "季度", "指标代码", "填报值"]);
  const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  const parts: string[] = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
    '<row r="1"><c r="A1" t="inlineStr"><is><t>单位编号</t></is></c><c r="B1" t="inlineStr"><is><t>季度</t></is></c><c r="C1" t="inlineStr"><is><t>指标代码</t></is></c><c r="D1" t="inlineStr"><is><t>填报值</t></is></c></row>',
  ];
  for (let r = 2; r <= emptyRows; r++) parts.push("<row/>");
  parts.push("</sheetData></worksheet>");
  zip.file("xl/worksheets/sheet1.xml", parts.join(""));
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 9 } });
}
