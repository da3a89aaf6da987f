import "server-only";
import type ExcelJS from "exceljs";
import type { Meeting } from "~/db/schema";
import { exportHeaders, meetingHeaders as H, meetingTypeNames, sheetNames } from "./columns";
import { addTableSheet, columnRange, validateRange, valueRule, type ColumnSpec } from "./workbook-style";

/** Rows below the records that carry the drop-downs, for meetings the user adds. */
const BLANK_ROWS = 300;

/**
 * The 会议 sheet: one row per meeting with its 编号 (empty = a new meeting), drop-downs for the
 * type and 是/否, and whole-number checks on the counts. An export adds 季度 and 质量得分.
 */
export function addMeetingSheet(wb: ExcelJS.Workbook, list: Meeting[], unitNames: Map<number, string>, opts: { export?: boolean } = {}) {
  const columns: (ColumnSpec & { value: (m: Meeting) => ExcelJS.CellValue })[] = [
    { header: H.id, width: 8, locked: true, value: (m) => m.id },
    { header: H.unitId, width: 10, value: (m) => m.unitId },
    { header: "单位名称", width: 24, locked: true, value: (m) => unitNames.get(m.unitId) ?? "" },
    ...(opts.export ? [{ header: "季度", width: 9, locked: true, value: (m: Meeting) => m.quarter }] : []),
    { header: H.date, width: 12, text: true, value: (m) => m.date },
    { header: H.type, width: 16, value: (m) => meetingTypeNames[m.type] },
    { header: H.expected, width: 10, value: (m) => m.expected },
    { header: H.present, width: 10, value: (m) => m.present },
    { header: H.topic, width: 30, value: (m) => m.topic },
    { header: H.solicitedOpinions, width: 13, value: (m) => (m.solicitedOpinions ? "是" : "否") },
    { header: H.criticalOpinions, width: 13, value: (m) => m.criticalOpinions },
    { header: H.rectificationItems, width: 11, value: (m) => m.rectificationItems },
    { header: H.minutes, width: 60, value: (m) => m.minutes },
    ...(opts.export ? [{ header: exportHeaders.quality, width: 10, locked: true, value: (m: Meeting) => m.qualityScore }] : []),
  ];
  const ws = addTableSheet(
    wb,
    sheetNames.meetings,
    columns,
    list.map((m) => columns.map((c) => c.value(m))),
  );
  const last = list.length + 1 + BLANK_ROWS;
  const col = (header: string) => columns.findIndex((c) => c.header === header) + 1;
  const typeList = `"${Object.values(meetingTypeNames).join(",")}"`;
  validateRange(ws, columnRange(col(H.type), 2, last), { type: "list", formulae: [typeList], error: "请从下拉列表中选择会议类型" });
  validateRange(ws, columnRange(col(H.solicitedOpinions), 2, last), { type: "list", formulae: ['"是,否"'], error: "请填“是”或“否”" });
  validateRange(ws, columnRange(col(H.expected), 2, last), {
    type: "whole",
    operator: "greaterThanOrEqual",
    formulae: [1],
    error: "应到人数须为不小于 1 的整数",
  });
  for (const h of [H.present, H.criticalOpinions, H.rectificationItems])
    validateRange(ws, columnRange(col(h), 2, last), valueRule("count"));
  validateRange(ws, columnRange(col(H.date), 2, last), {
    type: "textLength",
    operator: "equal",
    formulae: [10],
    errorStyle: "warning",
    showInputMessage: true,
    prompt: "格式 YYYY-MM-DD，如 2026-03-15",
    error: "日期格式应为 YYYY-MM-DD，如 2026-03-15",
  });
  ws.getColumn(col(H.minutes)).alignment = { wrapText: false, vertical: "top" };
  return ws;
}
