import "server-only";
import { quarterSchema, unitIdSchema } from "~/lib/schemas";
import { z } from "~/server/lib/zod";
import { m } from "~/lib/server-message";

/**
 * A number typed by a user. Strings are accepted here and checked per indicator by the
 * service, so "abc" in one field comes back as a message on that field, not a generic error.
 */
export const numericInput = z.union([z.number(), z.string().max(64, { error: m("report.valueTooLong") }), z.null()]);

export const reportKeySchema = z.object({ unitId: unitIdSchema, quarter: quarterSchema });

export const saveReportSchema = reportKeySchema.extend({
  version: z
    .number({ error: m("report.versionMustBeAnInteger") })
    .int()
    .min(0),
  businessScore: numericInput.optional(),
  note: z
    .string()
    .max(2000, { error: m("report.noteTooLong") })
    .optional(),
  values: z
    .array(
      z.object({
        indicatorCode: z.string().min(1).max(64),
        value: numericInput,
      }),
    )
    .max(500, { error: m("report.tooManyValues") }),
});

export type SaveReportInput = z.infer<typeof saveReportSchema>;

export const transitionSchema = reportKeySchema.extend({
  version: z
    .number({ error: m("report.versionMustBeAnInteger") })
    .int()
    .min(0)
    .optional(),
});

export const reasonSchema = transitionSchema.extend({
  reason: z
    .string({ error: m("report.reasonRequired") })
    .trim()
    .min(2, { error: m("report.reasonTooShort") })
    .max(500, { error: m("report.reasonTooLong") }),
});
