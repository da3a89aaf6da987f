import "server-only";
import { planImport, summarise, type ImportContext, type ImportFile, type ImportPreview } from "./plan";

/** `spreadsheet.preview`: what importing the file would do, and every error in it; writes nothing. */
export async function previewImport({ db, actor, locale }: ImportContext, input: ImportFile): Promise<ImportPreview> {
  return summarise(await planImport(db, actor, input), locale);
}
