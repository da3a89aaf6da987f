import "server-only";
import type ExcelJS from "exceljs";
import type { Db } from "~/db/client";
import { badInput } from "~/server/errors";
import { asBuffer, runHeavy } from "~/server/lib/heavy-pool";
import { quarterOf } from "~/lib/quarter";
import { assertUnitInScope, type Actor } from "~/server/scope";
import { effectiveCategories, effectiveIndicators, type EffectiveIndicator } from "~/server/services/catalogue/effective";
import { BUSINESS_SCORE, businessScoreName } from "./columns";
import { meetingsOf, readableSubtree, reportKey, reportsByKey } from "./lookups";
import type { SpreadsheetFile, TemplateData } from "./render-template";
import { m } from "~/lib/server-message";

export { xlsxType, type SpreadsheetFile } from "./render-template";

/** Beyond this a file is too big to build in memory or for Excel to open comfortably. */
export const MAX_FILE_ROWS = 250_000;

const targetText = (i: EffectiveIndicator) => (i.kind === "boolean" ? "是" : `${i.direction === "lower" ? "≤" : "≥"} ${i.target}`);

/**
 * The pre-filled template of a unit (or, with `subtree`, of every unit below it the caller may
 * read) for one quarter: a 指标 sheet with the current values, a 会议 sheet with the quarter's
 * meetings, and a 说明 sheet. Read here, built on a worker thread.
 */
export async function buildTemplate(
  { db, actor }: { db: Db; actor: Actor },
  input: { unitId: number; quarter: string; subtree: boolean },
): Promise<SpreadsheetFile> {
  const { quarter } = input;
  if (quarter > quarterOf(new Date())) throw badInput({ quarter: m("spreadsheet.quarterHasNotStarted", { quarter }) });
  const root = await assertUnitInScope(db, actor, input.unitId, "read");
  const unitList = input.subtree ? (await readableSubtree(db, actor, root)).filter((u) => u.active || u.id === root.id) : [root];
  const indicators = await effectiveIndicators(db, quarter);
  if (unitList.length * (indicators.length + 1) > MAX_FILE_ROWS) {
    throw badInput({ unit: m("spreadsheet.tooManyUnits", { length: unitList.length }) });
  }
  const categoryNames = new Map((await effectiveCategories(db, quarter)).map((c) => [c.code, c.nameZh]));
  const stored = await reportsByKey(
    db,
    unitList.map((u) => ({ unitId: u.id, quarter })),
  );

  const rows: ExcelJS.CellValue[][] = [];
  const kinds: TemplateData["kinds"] = [];
  for (const unit of unitList) {
    const report = stored.get(reportKey(unit.id, quarter));
    for (const i of indicators) {
      rows.push([
        unit.id,
        unit.name,
        quarter,
        i.code,
        i.nameZh,
        categoryNames.get(i.categoryCode) ?? i.categoryCode,
        i.unitZh,
        targetText(i),
        report?.values.get(i.code) ?? null,
      ]);
      kinds.push({ kind: i.kind, source: i.source });
    }
    rows.push([unit.id, unit.name, quarter, BUSINESS_SCORE, businessScoreName, "业务考核", "分", "0–100", report?.businessScore ?? null]);
    kinds.push(null);
  }

  const scope = input.subtree ? "及下级" : "";
  const file = await runHeavy(`user:${actor.id}`, {
    kind: "template",
    data: {
      rows,
      kinds,
      meetings: await meetingsOf(
        db,
        unitList.map((u) => u.id),
        quarter,
        quarter,
      ),
      unitNames: unitList.map((u) => [u.id, u.name]),
      help: { unitName: root.name, quarter, subtree: input.subtree },
      fileName: `党建报表模板_${root.name}${scope}_${quarter}.xlsx`,
      asciiFileName: `template_${root.id}${input.subtree ? "_subtree" : ""}_${quarter}.xlsx`,
    },
  });
  return { ...file, body: asBuffer(file.body) };
}
