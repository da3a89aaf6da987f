import "server-only";
import { assertCapability } from "~/server/scope";
import { startImportJob } from "~/server/services/import-job/start";
import type { RosterFile, RosterImportContext } from "./plan";

/**
 * `officer.import`: starts a background job that checks the whole roster file again and writes
 * it only when it has no error at all (one transaction); otherwise the job fails with every
 * error by row and column. Returns the job's id at once — `importJob.get` follows it.
 */
export async function importRoster(ctx: RosterImportContext, input: RosterFile): Promise<{ id: number }> {
  assertCapability(ctx.actor, "manageAssessment");
  return startImportJob(ctx, input, "rosterImport");
}
