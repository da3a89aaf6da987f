import "server-only";
import { planRosterImport, summariseRoster, type RosterFile, type RosterImportContext, type RosterPreview } from "./plan";

/** `officer.previewImport`: what importing the roster file would do (新增 / 修改 / 不变) and every error in it; writes nothing. */
export async function previewRosterImport(ctx: RosterImportContext, input: RosterFile): Promise<RosterPreview> {
  return summariseRoster(await planRosterImport(ctx, input, false), ctx.locale);
}
