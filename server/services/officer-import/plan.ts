import "server-only";
import type { Db, Tx } from "~/db/client";
import { assertCapability, type Actor } from "~/server/scope";
import { writeAudit } from "~/server/services/audit/write";
import { relinkSecretaryRecords } from "~/server/services/officer/secretary";
import { rowTicker } from "~/server/services/spreadsheet/row-ticker";
import { ErrorList } from "~/server/services/spreadsheet/sheet-errors";
import { applyRoster, type Applied } from "./apply";
import { readRosterSheet } from "./read";
import { readRosterRows } from "./rows";

export type RosterImportContext = { db: Db; actor: Actor; locale?: string | null };
export type RosterFile = { fileName: string; contentBase64: string };
/** The job's hooks: progress (rows checked, then rows written) and the last step inside the write transaction. */
export type RosterPlanOptions = {
  owner: string;
  onParsed?: (rows: number) => void;
  onChecked?: (rows: number) => void;
  onWritten?: (rows: number, total: number) => void;
  beforeCommit?: (tx: Tx, plan: RosterPlan) => Promise<void>;
};
export type RosterPlan = { fileName: string; rows: number; applied: Applied; errors: ErrorList; committed: boolean };

/** Thrown to undo a dry run (a preview, or a file with errors): the transaction rolls back, the counts come out. */
class DryRun extends Error {
  constructor(readonly applied: Applied) {
    super("dry run");
  }
}

/**
 * Reads the roster file (worker thread) and applies it to the roster in one transaction — the
 * same code for the preview and the import, so both see the same counts and errors. It commits
 * only when `commit` is asked and the whole file is valid: then the unit's secretary-linked
 * inspections and cases are linked again, and one audit row records the import with its counts.
 */
export async function planRosterImport(
  { db, actor }: RosterImportContext,
  input: RosterFile,
  commit: boolean,
  options: RosterPlanOptions,
): Promise<RosterPlan> {
  assertCapability(actor, "manageAssessment");
  const sheet = await readRosterSheet(input, options.owner);
  options.onParsed?.(sheet.rows.length);
  const errors = new ErrorList();
  const rows = readRosterRows(sheet, errors);
  const ticker = rowTicker(options.onChecked);
  const done = (applied: Applied, committed: boolean) => ({
    fileName: input.fileName,
    rows: sheet.rows.length,
    applied,
    errors,
    committed,
  });
  try {
    const applied = await db.transaction(async (tx) => {
      const result = await applyRoster(tx, actor, sheet.name, rows, errors, ticker, options.onWritten);
      options.onChecked?.(sheet.rows.length);
      if (!commit || errors.count > 0) throw new DryRun(result);
      for (const unitId of result.unitIds) await relinkSecretaryRecords(tx, unitId);
      const { unitIds, ...counts } = result;
      await writeAudit(tx, actor, {
        action: "officer.import",
        entity: "unit",
        entityId: actor.unitId,
        unitId: actor.unitId,
        after: { fileName: input.fileName, ...counts, units: unitIds },
      });
      await options.beforeCommit?.(tx, done(result, true));
      return result;
    });
    return done(applied, true);
  } catch (err) {
    if (err instanceof DryRun) return done(err.applied, false);
    throw err;
  }
}

/** What the job keeps of a roster file (its result): the counts, and every error in the file's row order, each message in both languages. */
export function rosterSummary(plan: RosterPlan) {
  const { created, updated, unchanged, newPeople, unitIds } = plan.applied;
  const hasChanges = created + updated > 0;
  return {
    roster: {
      rows: plan.rows,
      created,
      updated,
      unchanged,
      newPeople,
      units: unitIds.length,
      hasChanges,
      canImport: plan.errors.count === 0 && hasChanges,
    },
    errorCount: plan.errors.count,
    // In the file's order: the roster rule's findings come after the rows' own.
    errors: [...plan.errors.listed].sort((a, b) => a.row - b.row),
  };
}
export type RosterSummary = ReturnType<typeof rosterSummary>["roster"];
