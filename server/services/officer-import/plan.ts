import "server-only";
import type { Db } from "~/db/client";
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
export async function planRosterImport({ db, actor }: RosterImportContext, input: RosterFile, commit: boolean): Promise<RosterPlan> {
  assertCapability(actor, "manageAssessment");
  const sheet = await readRosterSheet(input, `user:${actor.id}`);
  const errors = new ErrorList();
  const rows = readRosterRows(sheet, errors);
  const ticker = rowTicker();
  const done = (applied: Applied, committed: boolean) => ({
    fileName: input.fileName,
    rows: sheet.rows.length,
    applied,
    errors,
    committed,
  });
  try {
    const applied = await db.transaction(async (tx) => {
      const result = await applyRoster(tx, actor, sheet.name, rows, errors, ticker);
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
      return result;
    });
    return done(applied, true);
  } catch (err) {
    if (err instanceof DryRun) return done(err.applied, false);
    throw err;
  }
}

/** What the page shows: the counts, and every error in the caller's language. */
export function summariseRoster(plan: RosterPlan, locale?: string | null) {
  const { created, updated, unchanged, newPeople, unitIds } = plan.applied;
  const hasChanges = created + updated > 0;
  return {
    fileName: plan.fileName,
    rows: plan.rows,
    created,
    updated,
    unchanged,
    newPeople,
    units: unitIds.length,
    // In the file's order: the roster rule's findings come after the rows' own.
    errors: plan.errors.localised(locale).sort((a, b) => a.row - b.row),
    errorCount: plan.errors.count,
    hasChanges,
    canImport: plan.errors.count === 0 && hasChanges,
  };
}
export type RosterPreview = ReturnType<typeof summariseRoster>;
