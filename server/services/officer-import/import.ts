import "server-only";
import { planRosterImport, summariseRoster, type RosterFile, type RosterImportContext } from "./plan";

/**
 * `officer.import`: checks the whole roster file again and writes it only when it has no error
 * at all (one transaction); otherwise BAD_REQUEST naming every error by row and column.
 */
export async function importRoster(ctx: RosterImportContext, input: RosterFile) {
  const plan = await planRosterImport(ctx, input, true);
  if (plan.errors.count > 0) throw plan.errors.toTrpcError(ctx.locale);
  return summariseRoster(plan, ctx.locale);
}
