import "server-only";
import ExcelJS from "exceljs";
import { officerHeaders as H, officerPostNames, sheetNames } from "~/server/services/spreadsheet/columns";
import { xlsxType, type SpreadsheetFile } from "~/server/services/spreadsheet/render-template";
import { addTableSheet, columnRange, type ColumnSpec } from "~/server/services/spreadsheet/workbook-style";
import { validateRange } from "~/server/services/spreadsheet/workbook-style";

/** What the roster template holds, read on the request thread; built into an .xlsx on a worker thread. */
export type RosterTemplateData = {
  /** 单位编号, 单位名称, 姓名, 职务, 专职, 一肩挑, 任职开始, 任职结束 (dates as YYYY-MM-DD or null). */
  rows: (string | number | null)[][];
  help: { unitName: string; today: string };
  fileName: string;
  asciiFileName: string;
};

const columns: ColumnSpec[] = [
  { header: H.unitId, width: 10, locked: true },
  { header: H.unitName, width: 26, locked: true },
  { header: H.name, width: 12 },
  { header: H.post, width: 9 },
  { header: H.fullTime, width: 7 },
  { header: H.concurrentHead, width: 8 },
  { header: H.from, width: 13 },
  { header: H.to, width: 13 },
];
const dateColumns = [7, 8];

const asDate = (v: string | number | null) => (typeof v === "string" ? new Date(`${v}T00:00:00Z`) : v);

/** The help sheet: how rows are matched, in the words of the import's messages. */
const helpLines = (about: RosterTemplateData["help"]): [string, boolean?][] => [
  ["党建质量看板 · 干部名册导入模板", true],
  [`范围：${about.unitName}及下级单位　生成日期：${about.today}（预填各单位现任班子成员）`],
  [""],
  ["一、填写", true],
  ["1. 每行一条任职记录。单位编号决定单位，单位名称仅供参考（灰色列请勿修改）。"],
  [`2. 职务填“${Object.values(officerPostNames).join("”“")}”之一；专职、一肩挑填“是”或“否”（留空按“否”）。`],
  ["3. 任职开始必填，任职结束留空表示仍在任；日期可填 Excel 日期，或 2026-01-05、2026年1月5日 等文字。"],
  ["4. 只有单位编号和单位名称的行（没有班子成员的单位）导入时跳过。"],
  [""],
  ["二、如何对应已有记录", true],
  ["1. 同一单位、同一姓名、同一任职开始日期的行，修改已有任职（职务、专职、一肩挑、任职结束）；其他行新增一条任职。"],
  ["2. 新增任职时，按姓名在该单位历任人员中查找同一人（干部考察参考随之延续）；找不到则新建人员。"],
  ["3. 文件中没有的任职记录保持不变，导入不会删除任何记录；离任请填写任职结束日期。"],
  [""],
  ["三、规则与上传", true],
  ["1. 同一单位同一天只能有一位书记；同一人同一时间在一个单位只担任一个职务。"],
  ["2. 在“干部名册”页点击“导入名册”上传本文件，先看预览（新增、修改、不变的条数和全部错误，含行号与列名）。"],
  ["3. 文件中只要有一处错误，整个文件都不会导入；改正后重新上传即可。原样重新上传不会产生任何变化。"],
];

/** The roster workbook: a 干部名册 sheet (pick lists for 职务 / 是否, date formats) and a 说明 sheet. */
export async function renderRosterTemplate(data: RosterTemplateData): Promise<SpreadsheetFile> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "党建质量看板";
  wb.created = new Date();
  const rows = data.rows.map((r) => r.map((v, i) => (dateColumns.includes(i + 1) ? asDate(v) : v)));
  const ws = addTableSheet(wb, sheetNames.officers, columns, rows);
  for (const col of dateColumns) ws.getColumn(col).numFmt = "yyyy-mm-dd";
  const last = Math.max(rows.length + 200, 500);
  validateRange(ws, columnRange(4, 2, last), {
    type: "list",
    formulae: [`"${Object.values(officerPostNames).join(",")}"`],
    error: "请从列表中选择职务",
  });
  for (const col of [5, 6])
    validateRange(ws, columnRange(col, 2, last), { type: "list", formulae: ['"是,否"'], error: "只能填“是”或“否”" });

  const help = wb.addWorksheet(sheetNames.help);
  help.getColumn(1).width = 110;
  for (const [text, bold] of helpLines(data.help)) {
    const row = help.addRow([text]);
    if (bold) row.font = { bold: true, size: 12 };
    row.alignment = { wrapText: true, vertical: "top" };
  }
  help.getRow(1).font = { bold: true, size: 14 };
  return {
    fileName: data.fileName,
    asciiFileName: data.asciiFileName,
    contentType: xlsxType,
    body: Buffer.from(await wb.xlsx.writeBuffer()),
  };
}
