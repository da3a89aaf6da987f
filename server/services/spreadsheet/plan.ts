import "server-only";
import type { Db } from "~/db/client";
import type { ReportStatus, Unit } from "~/db/schema";
import type { Actor } from "~/server/scope";
import { quarterOfDate } from "~/server/services/meeting/schemas";
import { reportKey, unitsById } from "./lookups";
import { planMeetings, type MeetingPlan } from "./plan-meetings";
import { planValues, type Change, type ReportPlan, type UnitLookup } from "./plan-values";
import { readSpreadsheet } from "./read-file";
import { rowTicker } from "./row-ticker";
import { ErrorList } from "./sheet-errors";

export type ImportFile = { fileName: string; contentBase64: string };
/** A service call's context; `locale` (the caller's UI language) picks the language of the messages. */
export type ImportContext = { db: Db; actor: Actor; locale?: string | null };
export type ImportPlan = { fileName: string; kind: "xlsx" | "csv"; reports: ReportPlan[]; meetings: MeetingPlan[]; errors: ErrorList };

/** Who the heavy work counts against (a user, or a background job), and where the check's progress goes. */
export type PlanHooks = { owner?: string; onParsed?: (rows: number) => void; onChecked?: (rows: number) => void };

/** Reads the file (on a worker thread) and checks all of it against the database; writes nothing. */
export async function planImport(db: Db, actor: Actor, input: ImportFile, hooks: PlanHooks = {}): Promise<ImportPlan> {
  const file = await readSpreadsheet(input, hooks.owner ?? `user:${actor.id}`);
  hooks.onParsed?.((file.indicators?.rows.length ?? 0) + (file.meetings?.rows.length ?? 0));
  const ticker = rowTicker(hooks.onChecked);
  const errors = new ErrorList();
  const known = new Map<number, Unit>();
  const loadUnits: UnitLookup = async (ids) => {
    for (const [id, unit] of await unitsById(
      db,
      ids.filter((id) => !known.has(id)),
    ))
      known.set(id, unit);
    return known;
  };
  const reports = file.indicators ? await planValues(db, actor, file.indicators, loadUnits, errors, ticker) : [];
  const meetings = file.meetings ? await planMeetings(db, actor, file.meetings, loadUnits, errors, ticker) : [];
  hooks.onChecked?.(ticker.count);
  return { fileName: input.fileName, kind: file.kind, reports, meetings, errors };
}

export const reportChanges = (p: ReportPlan) => p.values.size > 0 || p.businessScore !== null;

type Group = {
  unitId: number;
  unitName: string;
  quarter: string;
  status: ReportStatus | null;
  values: Record<Change, number>;
  meetings: { create: number; update: number; unchanged: number };
  /** Nothing in the file differs from what is stored (“无变化”). */
  unchanged: boolean;
};

/** The preview: per unit and quarter what would be created / updated / left alone, and every error. */
export function summarise(plan: ImportPlan, locale?: string | null) {
  const groups = new Map<string, Group>();
  const groupOf = (unit: Unit, quarter: string) => {
    const key = reportKey(unit.id, quarter);
    let g = groups.get(key);
    if (!g) {
      g = {
        unitId: unit.id,
        unitName: unit.name,
        quarter,
        status: null,
        values: { create: 0, update: 0, clear: 0, unchanged: 0 },
        meetings: { create: 0, update: 0, unchanged: 0 },
        unchanged: true,
      };
      groups.set(key, g);
    }
    return g;
  };
  for (const r of plan.reports) {
    const g = groupOf(r.unit, r.quarter);
    g.status = r.report?.status ?? null;
    g.values = { ...r.counts };
    if (reportChanges(r)) g.unchanged = false;
  }
  for (const m of plan.meetings) {
    const g = groupOf(m.unit, quarterOfDate(m.fields.date));
    g.meetings[m.change]++;
    if (m.change !== "unchanged") g.unchanged = false;
  }
  const list = [...groups.values()].sort((a, b) => a.quarter.localeCompare(b.quarter) || a.unitId - b.unitId);
  const hasChanges = list.some((g) => !g.unchanged);
  return {
    fileName: plan.fileName,
    kind: plan.kind,
    groups: list,
    errors: plan.errors.localised(locale),
    errorCount: plan.errors.count,
    hasChanges,
    canImport: plan.errors.count === 0 && hasChanges,
  };
}

export type ImportPreview = ReturnType<typeof summarise>;
