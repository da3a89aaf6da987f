import "server-only";
import type ExcelJS from "exceljs";
import { formatQuarter } from "~/lib/quarter";
import { BUSINESS_SCORE, sheetNames } from "./columns";

/** The 说明 sheet: how to fill the template, in the words the import's messages use. */
export function addHelpSheet(wb: ExcelJS.Workbook, about: { unitName: string; quarter: string; subtree: boolean }) {
  const ws = wb.addWorksheet(sheetNames.help);
  ws.getColumn(1).width = 110;
  const lines: [string, boolean?][] = [
    ["党建质量看板 · 季度报表导入模板", true],
    [`单位：${about.unitName}${about.subtree ? "（含下级单位）" : ""}　季度：${formatQuarter(about.quarter, "zh-CN")}（${about.quarter}）`],
    [`生成时间：${new Date().toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", hour12: false })}`],
    [""],
    ["一、「指标」表", true],
    ["1. 只填写「填报值」一列；灰色的列（单位编号、单位名称、季度、指标代码、指标名称等）请勿修改。"],
    ["2. 比率填 0 到 100 的数字（如 92.5，可带 %）；得分填 0 到 100；次数/个数填不小于 0 的整数；是/否类填 1（是）或 0（否）。"],
    [`3. 业务考核得分填在指标代码为 ${BUSINESS_SCORE} 的一行（0 到 100）。`],
    ["4. 填报值留空表示清除该项已保存的数值；整行删除则该项保持原值不变。"],
    ["5. 标注“自动计算”的指标由会议记录计算，导入时忽略其填报值。"],
    [""],
    ["二、「会议」表", true],
    ["1. 每行一次会议。「编号」为空表示新增会议；有编号的行会修改该会议（请勿改动编号）。"],
    ["2. 日期格式 YYYY-MM-DD（如 2026-03-15）；会议类型从下拉列表选择；会前征求意见填“是”或“否”。"],
    ["3. 批评意见条数、整改事项数没有就填 0；会议记录可粘贴全文。"],
    [""],
    ["三、上传与导入", true],
    ["1. 在“季度报表”页点击“上传 Excel/CSV”，先看预览：每个单位、季度将新增、修改、清除或不变的数量，以及全部错误（工作表、行号、列名）。"],
    ["2. 文件中只要有一处错误，整个文件都不会导入；改正后重新上传即可。确认无误后点击“确认导入”。"],
    ["3. 已提交或已审核的报表不能通过导入修改；已审核季度的会议记录不能新增或修改。重复导入同一文件不会产生任何变化。"],
    ["4. 也可将「指标」表另存为 CSV（推荐“CSV UTF-8”）上传，列与「指标」表相同；CSV 不含会议。文件不超过 5 MB。"],
  ];
  for (const [text, bold] of lines) {
    const row = ws.addRow([text]);
    if (bold) row.font = { bold: true, size: 12 };
    row.alignment = { wrapText: true, vertical: "top" };
  }
  ws.getRow(1).font = { bold: true, size: 14 };
  return ws;
}
