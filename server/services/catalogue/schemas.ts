import "server-only";
import { categoryCodes, directions, indicatorKinds } from "~/lib/codes";
import { z } from "~/server/lib/zod";
import { quarterSchema } from "~/lib/schemas";
import { m } from "~/lib/server-message";

/** Router inputs of `catalogue.*`; kind-dependent checks live in validate-rules.ts. */
export const indicatorCodeSchema = z.string().regex(/^[A-Za-z][A-Za-z0-9_]{1,40}$/, { error: m("catalogue.codeLettersDigits") });

const text = (max: number, required: boolean) =>
  required
    ? z
        .string()
        .trim()
        .min(1, { error: m("catalogue.required") })
        .max(max, { error: m("catalogue.tooLong", { max }) })
    : z
        .string()
        .trim()
        .max(max, { error: m("catalogue.tooLong", { max }) });

const number = z.number({ error: m("catalogue.mustBeANumber") }).finite();

export const textsSchema = z.object({
  nameZh: text(100, true),
  nameEn: text(200, true),
  unitZh: text(20, false),
  unitEn: text(40, false),
  helpZh: text(500, false),
  helpEn: text(1000, false),
});

export const rulesSchema = z.object({
  direction: z.enum(directions),
  target: number,
  weight: number,
  required: z.boolean(),
});

export const createIndicatorSchema = textsSchema.extend(rulesSchema.shape).extend({
  code: indicatorCodeSchema,
  categoryCode: z.enum(categoryCodes),
  kind: z.enum(indicatorKinds),
  validFrom: quarterSchema,
});

export const updateTextsSchema = textsSchema.partial().extend({
  code: indicatorCodeSchema,
  sortOrder: z.number().int().min(0).max(100_000).optional(),
});

export const setRulesSchema = rulesSchema.extend({ code: indicatorCodeSchema, validFrom: quarterSchema });
export const retireSchema = z.object({ code: indicatorCodeSchema, fromQuarter: quarterSchema });
export const unretireSchema = z.object({ code: indicatorCodeSchema });
export const setCategoryWeightSchema = z.object({ categoryCode: z.enum(categoryCodes), validFrom: quarterSchema, weight: number });

export type CreateIndicatorInput = z.infer<typeof createIndicatorSchema>;
export type UpdateTextsInput = z.infer<typeof updateTextsSchema>;
export type SetRulesInput = z.infer<typeof setRulesSchema>;
export type RetireInput = z.infer<typeof retireSchema>;
export type SetCategoryWeightInput = z.infer<typeof setCategoryWeightSchema>;
