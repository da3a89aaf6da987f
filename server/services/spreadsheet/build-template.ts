import ExcelJS from "exceljs";
import type { Db } from "~/db/client";
import { badInput } from "~/server/errors";
import { quarterOf } from "~/server/lib/quarter";
import { assertUnitInScope, type Actor } from "~/server/scope";
import { effectiveCategories, effectiveIndicators, type EffectiveIndicator } from "~/server/services/catalogue/effective";
import { BUSINESS_SCORE, businessScoreName, indicatorHeaders as C, sheetNames } from "./columns";
import { addHelpSheet } from "./help-sheet";
import { readableSubtree, reportKey, reportsByKey } from "./lookups";
import { addMeetingSheet, meetingsOf } from "./meeting-sheet";
import { addTableSheet, lockedFill, valueRule, type ColumnSpec } from "./workbook-style";

export type SpreadsheetFile = { fileName: string; asciiFileName: string; contentType: string; body: Buffer };
export const xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Beyond this a file is too big to build in memory or for Excel to open comfortably. */
export const MAX_FILE_ROWS = 250_000;

const columns: ColumnSpec[] = [
  { header: C.unitId, width: 10, locked: true },
  { header: C.unitName, width: 24, locked: true },
  { header: C.quarter, width: 9, locked: true, text: true },
  { header: C.code, width: 24, locked: true },
  { header: C.name, width: 34, locked: true },
  { header: C.category, width: 16, locked: true },
  { header: C.measure, width: 9, locked: true },
  { header: C.target, width: 8, locked: true },
  { header: C.value, width: 12 },
];
const VALUE_COL = columns.length;

const targetText = (i: EffectiveIndicator) =>
  i.kind === "boolean" ? "是" : `${i.direction === "lower" ? "≤" : "≥"} ${i.target}`;

/**
 * The pre-filled template of a unit (or, with `subtree`, of every unit below it the caller may
 * read) for one quarter: a 指标 sheet with the current values, a 会议 sheet with the quarter's
 * meetings, and a 说明 sheet.
 */
export async function buildTemplate(
  { db, actor }: { db: Db; actor: Actor },
  input: { unitId: number; quarter: string; subtree: boolean },
): Promise<SpreadsheetFile> {
  const { quarter } = input;
  if (quarter > quarterOf(new Date())) throw badInput({ quarter: `季度 ${quarter} 尚未开始，不能下载模板（quarter has not started）` });
  const root = await assertUnitInScope(db, actor, input.unitId, "read");
  const unitList = input.subtree ? (await readableSubtree(db, actor, root)).filter((u) => u.active || u.id === root.id) : [root];
  const indicators = await effectiveIndicators(db, quarter);
  if (unitList.length * (indicators.length + 1) > MAX_FILE_ROWS) {
    throw badInput({ unit: `单位过多（${unitList.length} 个），请选择较小的范围分批下载（too many units）` });
  }
  const categoryNames = new Map((await effectiveCategories(db, quarter)).map((c) => [c.code, c.nameZh]));
  const stored = await reportsByKey(db, unitList.map((u) => ({ unitId: u.id, quarter })));

  const rows: ExcelJS.CellValue[][] = [];
  const kinds: (EffectiveIndicator | null)[] = []; // per data row: its indicator, null for the business score
  for (const unit of unitList) {
    const report = stored.get(reportKey(unit.id, quarter));
    for (const i of indicators) {
      rows.push([unit.id, unit.name, quarter, i.code, i.nameZh, categoryNames.get(i.categoryCode) ?? i.categoryCode, i.unitZh, targetText(i), report?.values.get(i.code) ?? null]);
      kinds.push(i);
    }
    rows.push([unit.id, unit.name, quarter, BUSINESS_SCORE, businessScoreName, "业务考核", "分", "0–100", report?.businessScore ?? null]);
    kinds.push(null);
  }

  const wb = new ExcelJS.Workbook();
  wb.creator = "党建质量看板";
  wb.created = new Date();
  const ws = addTableSheet(wb, sheetNames.indicators, columns, rows);
  kinds.forEach((ind, n) => {
    const cell = ws.getCell(n + 2, VALUE_COL);
    if (ind?.source === "meetings") {
      cell.fill = lockedFill;
      cell.note = "由会议记录自动计算，导入时忽略";
    } else {
      cell.dataValidation = { allowBlank: true, showErrorMessage: true, ...valueRule(ind ? ind.kind : "business") };
    }
  });

  const unitNames = new Map(unitList.map((u) => [u.id, u.name]));
  addMeetingSheet(wb, await meetingsOf(db, unitList.map((u) => u.id), quarter, quarter), unitNames);
  addHelpSheet(wb, { unitName: root.name, quarter, subtree: input.subtree });

  const scope = input.subtree ? "及下级" : "";
  return {
    fileName: `党建报表模板_${root.name}${scope}_${quarter}.xlsx`,
    asciiFileName: `template_${root.id}${input.subtree ? "_subtree" : ""}_${quarter}.xlsx`,
    contentType: xlsxType,
    body: Buffer.from(await wb.xlsx.writeBuffer()),
  };
}
