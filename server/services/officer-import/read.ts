import "server-only";
import { TRPCError } from "@trpc/server";
import { runHeavy } from "~/server/lib/heavy-pool";
import { officerHeaders, sheetNames } from "~/server/services/spreadsheet/columns";
import { decodeUpload, toSheet, type ParsedSheet } from "~/server/services/spreadsheet/read-file";
import { m } from "~/lib/server-message";

/**
 * The 干部名册 sheet of an upload, read on a worker thread with the spreadsheet import's limits
 * (5 MB, rows, columns, zip bombs). BAD_REQUEST with a message for the person who chose the
 * file when it cannot be read or has no roster sheet; TOO_MANY_REQUESTS when the pool is full.
 */
export async function readRosterSheet(input: { fileName: string; contentBase64: string }, owner: string): Promise<ParsedSheet> {
  const bytes = decodeUpload(input);
  const result = await runHeavy(owner, { kind: "parse", bytes, fileName: input.fileName });
  if (!result.ok) throw new TRPCError({ code: "BAD_REQUEST", message: result.message });
  const sheet = toSheet(result.file.officers);
  if (!sheet) {
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: m("officerImport.noRosterSheet", { fileName: input.fileName, sheet: sheetNames.officers, post: officerHeaders.post }),
    });
  }
  return sheet;
}
