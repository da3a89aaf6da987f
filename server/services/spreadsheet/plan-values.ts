import "server-only";
import { setImmediate as nextTurn } from "node:timers/promises";
import type { Db } from "~/db/client";
import type { Unit } from "~/db/schema";
import { isReportEditable } from "~/lib/status";
import { formatQuarter, quarterOf } from "~/lib/quarter";
import { canAccess, type Actor } from "~/server/scope";
import { effectiveIndicators, type EffectiveIndicator } from "~/server/services/catalogue/effective";
import { validateBusinessScore, validateValues } from "~/server/services/report/validate-values";
import { readIndicatorValue, readInteger, readQuarter, readText } from "./cells";
import { BUSINESS_SCORE, businessScoreName, indicatorHeaders as C } from "./columns";
import { reportKey, reportsByKey, type StoredReport } from "./lookups";
import type { ParsedSheet } from "./read-file";
import type { RowTicker } from "./row-ticker";
import type { ErrorList } from "./sheet-errors";
import { m } from "~/lib/server-message";

export type Change = "create" | "update" | "clear" | "unchanged";
type Target = { row: number; value: number | null };

/** What importing the 指标 rows of one unit and quarter would do. */
export type ReportPlan = {
  unit: Unit;
  quarter: string;
  report: StoredReport | null;
  /** The indicator values that change (null = clear), by code. */
  values: Map<string, number | null>;
  /** Set when the business score changes. */
  businessScore: { value: number | null } | null;
  counts: Record<Change, number>;
};

const lockMessage = (status: string) =>
  status === "approved" ? m("spreadsheet.reportIsApprovedAndLocked") : m("spreadsheet.reportIsSubmittedAndAwaitsReview");

export function changeOf(before: number | null, after: number | null): Change {
  if (before === after) return "unchanged";
  if (before === null) return "create";
  return after === null ? "clear" : "update";
}

/** Units of the file, loaded once and shared by both sheets' checks. */
export type UnitLookup = (ids: number[]) => Promise<Map<number, Unit>>;

/** The unit of a row if it exists and the actor may write it; otherwise the message for the 单位编号 cell. */
export function writableUnit(actor: Actor, units: Map<number, Unit>, id: number): Unit | string {
  const unit = units.get(id);
  if (!unit) return m("spreadsheet.unknownUnit", { id });
  if (!canAccess(actor, unit, "write")) return m("spreadsheet.outsideYourScope", { id });
  return unit;
}

/**
 * Checks every row of a 指标 sheet (adding each problem to `errors`) and returns, per unit and
 * quarter, the values that would change. Unchanged values are never written, so importing the
 * same file twice changes nothing.
 */
export async function planValues(db: Db, actor: Actor, sheet: ParsedSheet, loadUnits: UnitLookup, errors: ErrorList, ticker: RowTicker) {
  const missing = [C.unitId, C.quarter, C.code, C.value].filter((h) => !sheet.headers.has(h));
  for (const h of missing) errors.add(sheet.name, sheet.headerRow, h, m("spreadsheet.columnMissing", { h }));
  if (missing.length > 0) return [];

  const running = quarterOf(new Date());
  // A row with none of the four columns filled is a note or a spacer, not data.
  const rows = [];
  for (const r of sheet.rows) {
    if (![C.unitId, C.quarter, C.code, C.value].some((h) => r.cells.get(h) != null)) continue;
    rows.push({
      row: r.row,
      unitId: readInteger(r.cells.get(C.unitId) ?? null, "单位编号"),
      quarter: readQuarter(r.cells.get(C.quarter) ?? null),
      code: readText(r.cells.get(C.code) ?? null),
      value: r.cells.get(C.value) ?? null,
    });
    if (rows.length % 2_000 === 0) await nextTurn();
  }
  const units = await loadUnits(rows.flatMap((r) => (r.unitId.ok && r.unitId.value !== null ? [r.unitId.value] : [])));
  const catalogues = new Map<string, Map<string, EffectiveIndicator>>();
  for (const q of new Set(rows.flatMap((r) => (r.quarter.ok && r.quarter.value <= running ? [r.quarter.value] : [])))) {
    catalogues.set(q, new Map((await effectiveIndicators(db, q)).map((i) => [i.code, i])));
  }

  const firstRowOf = new Map<string, number>();
  const groups = new Map<string, { unit: Unit; quarter: string; targets: Map<string, Target> }>();
  for (const r of rows) {
    await ticker.tick();
    let valid = true;
    const fail = (column: string, message: string) => {
      errors.add(sheet.name, r.row, column, message);
      valid = false;
    };
    let unit: Unit | null = null;
    if (!r.unitId.ok) fail(C.unitId, r.unitId.message);
    else if (r.unitId.value === null) fail(C.unitId, m("spreadsheet.unitIdIsRequired"));
    else {
      const found = writableUnit(actor, units, r.unitId.value);
      if (typeof found === "string") fail(C.unitId, found);
      else unit = found;
    }
    const quarter = r.quarter.ok ? r.quarter.value : null;
    if (!r.quarter.ok) fail(C.quarter, r.quarter.message);
    else if (r.quarter.value > running) fail(C.quarter, m("spreadsheet.rowQuarterHasNotStarted", { value: r.quarter.value }));

    let value: number | null = null;
    const catalogue = quarter ? catalogues.get(quarter) : undefined;
    if (r.code === "") fail(C.code, m("spreadsheet.indicatorCodeIsRequired"));
    else if (catalogue && r.code === BUSINESS_SCORE) {
      const raw = readIndicatorValue(r.value);
      const checked = raw.ok ? validateBusinessScore(raw.value) : { error: `${businessScoreName}${raw.message}` };
      if ("error" in checked) fail(C.value, checked.error);
      else value = checked.value;
    } else if (catalogue) {
      const ind = catalogue.get(r.code);
      if (!ind)
        fail(
          C.code,
          m("spreadsheet.unknownIndicatorIn", {
            code: r.code,
            quarterZh: formatQuarter(quarter!, "zh-CN"),
            quarterEn: formatQuarter(quarter!, "en"),
          }),
        );
      else if (ind.source === "meetings")
        continue; // computed from the meeting records, as in report.save
      else {
        const raw = readIndicatorValue(r.value);
        if (!raw.ok) fail(C.value, `「${ind.nameZh}」${raw.message}`);
        else {
          // The same checks and messages as the report form (report.save).
          const checked = validateValues(new Map([[ind.code, ind]]), [{ indicatorCode: ind.code, value: raw.value }]);
          const message = checked.errors[`values.${ind.code}`];
          if (message) fail(C.value, message);
          else value = checked.parsed.get(ind.code) ?? null;
        }
      }
    }

    if (r.unitId.ok && r.unitId.value !== null && quarter && r.code !== "") {
      const key = `${r.unitId.value}|${quarter}|${r.code}`;
      const first = firstRowOf.get(key);
      if (first !== undefined) fail(C.code, m("spreadsheet.duplicateIndicatorRow", { first }));
      else firstRowOf.set(key, r.row);
    }
    if (!valid || !unit || !quarter) continue;
    const gk = reportKey(unit.id, quarter);
    const group = groups.get(gk) ?? { unit, quarter, targets: new Map<string, Target>() };
    group.targets.set(r.code, { row: r.row, value });
    groups.set(gk, group);
  }

  const stored = await reportsByKey(
    db,
    [...groups.values()].map((g) => ({ unitId: g.unit.id, quarter: g.quarter })),
  );
  return [...groups.values()].map((g): ReportPlan => {
    const report = stored.get(reportKey(g.unit.id, g.quarter)) ?? null;
    const plan: ReportPlan = {
      unit: g.unit,
      quarter: g.quarter,
      report,
      values: new Map(),
      businessScore: null,
      counts: { create: 0, update: 0, clear: 0, unchanged: 0 },
    };
    for (const [code, target] of g.targets) {
      const before = code === BUSINESS_SCORE ? (report?.businessScore ?? null) : (report?.values.get(code) ?? null);
      const change = changeOf(before, target.value);
      plan.counts[change]++;
      if (change === "unchanged") continue;
      // A locked report is fine to re-import unchanged (an exported file), never to change.
      if (report && !isReportEditable(report.status)) errors.add(sheet.name, target.row, C.value, lockMessage(report.status));
      if (code === BUSINESS_SCORE) plan.businessScore = { value: target.value };
      else plan.values.set(code, target.value);
    }
    return plan;
  });
}
