import { quarterSchema, unitIdSchema } from "~/lib/schemas";
import { z } from "~/server/lib/zod";

/**
 * A number typed by a user. Strings are accepted here and checked per indicator by the
 * service, so "abc" in one field comes back as a message on that field, not a generic error.
 */
export const numericInput = z.union([z.number(), z.string().max(64, { error: "数值过长（value too long）" }), z.null()]);

export const reportKeySchema = z.object({ unitId: unitIdSchema, quarter: quarterSchema });

export const saveReportSchema = reportKeySchema.extend({
  version: z.number({ error: "版本号须为整数（version must be an integer）" }).int().min(0),
  businessScore: numericInput.optional(),
  note: z.string().max(2000, { error: "备注不能超过 2000 字（note too long）" }).optional(),
  values: z
    .array(
      z.object({
        indicatorCode: z.string().min(1).max(64),
        value: numericInput,
      }),
    )
    .max(500, { error: "指标数量过多（too many values）" }),
});

export type SaveReportInput = z.infer<typeof saveReportSchema>;

export const transitionSchema = reportKeySchema.extend({
  version: z.number({ error: "版本号须为整数（version must be an integer）" }).int().min(0).optional(),
});

export const reasonSchema = transitionSchema.extend({
  reason: z
    .string({ error: "请填写原因（reason required）" })
    .trim()
    .min(2, { error: "请填写原因，至少 2 个字（reason required）" })
    .max(500, { error: "原因不能超过 500 字（reason too long）" }),
});
