import "server-only";
import type ExcelJS from "exceljs";
import { and, gte, inArray, lte } from "drizzle-orm";
import type { Db } from "~/db/client";
import { reports, type Unit } from "~/db/schema";
import { badInput } from "~/server/errors";
import { maxRangeQuarters, quarterRange } from "~/lib/quarter";
import { assertUnitInScope, type Actor } from "~/server/scope";
import { normalise } from "~/lib/scoring/normalise";
import { effectiveCategories, effectiveIndicators } from "~/server/services/catalogue/effective";
import { asBuffer, runHeavy } from "~/server/lib/heavy-pool";
import { BUSINESS_SCORE, businessScoreName, statusNames } from "./columns";
import { attachValues, meetingsOf, readableSubtree, type StoredReport } from "./lookups";
import { MAX_FILE_ROWS, type SpreadsheetFile } from "./build-template";
import { m } from "~/lib/server-message";

const round1 = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10);

/** The stored reports of the units from `from` to `to`, oldest quarter first, in tree order. */
async function reportsOf(db: Db, unitList: Unit[], from: string, to: string): Promise<StoredReport[]> {
  const order = new Map(unitList.map((u, i) => [u.id, i]));
  const out: StoredReport[] = [];
  const ids = unitList.map((u) => u.id);
  for (let i = 0; i < ids.length; i += 5_000) {
    const rows = await db
      .select()
      .from(reports)
      .where(and(inArray(reports.unitId, ids.slice(i, i + 5_000)), gte(reports.quarter, from), lte(reports.quarter, to)));
    out.push(...rows.map((r) => ({ ...r, values: new Map<string, number>() })));
  }
  out.sort((a, b) => a.quarter.localeCompare(b.quarter) || order.get(a.unitId)! - order.get(b.unitId)!);
  await attachValues(db, out);
  return out;
}

/**
 * The subtree's reports over a quarter range, one row per unit × quarter × indicator with
 * the value and its 0–100 score under the rules of that quarter, plus the business score.
 * The columns are a superset of the template's, so the file can be imported back unchanged.
 */
export async function exportReports(
  { db, actor }: { db: Db; actor: Actor },
  input: { unitId: number; from: string; to: string; format: "xlsx" | "csv" },
): Promise<SpreadsheetFile> {
  if (input.from > input.to) throw badInput({ from: m("spreadsheet.fromMustNotBeAfterTo") });
  if (quarterRange(input.from, input.to).length > maxRangeQuarters)
    throw badInput({ to: m("spreadsheet.atMostQuarters", { maxRangeQuarters }) });
  const root = await assertUnitInScope(db, actor, input.unitId, "read");
  const unitList = await readableSubtree(db, actor, root);
  const unitById = new Map(unitList.map((u) => [u.id, u]));
  const list = await reportsOf(db, unitList, input.from, input.to);

  const rows: ExcelJS.CellValue[][] = [];
  const catalogues = new Map<string, Awaited<ReturnType<typeof effectiveIndicators>>>();
  const categoryNames = new Map<string, string>();
  for (const r of list) {
    let catalogue = catalogues.get(r.quarter);
    if (!catalogue) {
      catalogue = await effectiveIndicators(db, r.quarter);
      catalogues.set(r.quarter, catalogue);
      for (const c of await effectiveCategories(db, r.quarter)) categoryNames.set(c.code, c.nameZh);
    }
    if (rows.length + catalogue.length > MAX_FILE_ROWS) throw badInput({ to: m("spreadsheet.tooMuchDataNarrowTheRange") });
    const unit = unitById.get(r.unitId)!;
    const head = [unit.id, unit.name, r.quarter, statusNames[r.status]];
    for (const i of catalogue) {
      const value = r.values.get(i.code) ?? null;
      rows.push([...head, i.code, i.nameZh, categoryNames.get(i.categoryCode) ?? i.categoryCode, value, round1(normalise(i, value))]);
    }
    rows.push([...head, BUSINESS_SCORE, businessScoreName, "业务考核", r.businessScore, round1(r.businessScore)]);
  }

  const meetings =
    input.format === "xlsx"
      ? await meetingsOf(
          db,
          unitList.map((u) => u.id),
          input.from,
          input.to,
        )
      : [];
  const file = await runHeavy(`user:${actor.id}`, {
    kind: "export",
    data: {
      format: input.format,
      rows,
      meetings,
      unitNames: unitList.map((u) => [u.id, u.name]),
      base: `${root.name}_${input.from}-${input.to}`,
      asciiBase: `reports_${root.id}_${input.from}-${input.to}`,
    },
  });
  return { ...file, body: asBuffer(file.body) };
}

export { neutraliseFormulae } from "./render-export";
