import "server-only";
import { z } from "~/server/lib/zod";
import { quarterSchema, unitIdSchema } from "~/lib/schemas";
import { MAX_FILE_BYTES, tooLargeMessage } from "./read-file";
import { m } from "~/lib/server-message";

/** A file sent as base64 (4 characters per 3 bytes), refused before decoding when over 5 MB. */
export const importFileSchema = z.object({
  fileName: z
    .string({ error: m("spreadsheet.fileNameRequired") })
    .trim()
    .min(1, { error: m("spreadsheet.fileNameRequired") })
    .max(255, { error: m("spreadsheet.fileNameTooLong") }),
  contentBase64: z
    .string({ error: m("spreadsheet.contentMustBeBase64") })
    .max(Math.ceil(MAX_FILE_BYTES / 3) * 4 + 100, { error: tooLargeMessage }),
});

/** `GET /api/export/template?unit=<id>&quarter=YYYYQn[&subtree=1]` */
export const templateQuerySchema = z
  .object({ unit: unitIdSchema, quarter: quarterSchema, subtree: z.enum(["0", "1"]).optional() })
  .transform((q) => ({ unitId: q.unit, quarter: q.quarter, subtree: q.subtree === "1" }));

/** `GET /api/export/reports?unit=<id>&from=YYYYQn&to=YYYYQn&format=xlsx|csv` */
export const exportQuerySchema = z
  .object({
    unit: unitIdSchema,
    from: quarterSchema,
    to: quarterSchema,
    format: z.enum(["xlsx", "csv"], { error: m("spreadsheet.formatMustBeXlsxOrCsv") }).default("xlsx"),
  })
  .transform((q) => ({ unitId: q.unit, from: q.from, to: q.to, format: q.format }));
