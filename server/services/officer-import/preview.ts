import "server-only";
import { assertCapability } from "~/server/scope";
import { startImportJob } from "~/server/services/import-job/start";
import type { RosterFile, RosterImportContext } from "./plan";

/**
 * `officer.previewImport`: starts a background job (server/services/officer-import/job.ts) that
 * works out what importing the roster file would do (新增 / 修改 / 不变) and every error in it,
 * writing nothing; returns its id at once — `importJob.get` follows it.
 */
export async function previewRosterImport(ctx: RosterImportContext, input: RosterFile): Promise<{ id: number }> {
  assertCapability(ctx.actor, "manageAssessment");
  return startImportJob(ctx, input, "rosterPreview");
}
