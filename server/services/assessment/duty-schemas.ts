import "server-only";
import { z } from "~/server/lib/zod";
import { idSchema, unitIdSchema } from "~/lib/schemas";
import { m } from "~/lib/server-message";
import { dutyReportRules } from "~/lib/assessment/duty-report";
import { dutyReportStatuses } from "~/lib/codes";
import { assessmentYearSchema, expectedVersionSchema } from "./inputs-schemas";

// Inputs of the duty report procedures (述职报告). Messages name the field, Chinese first.

/** One answer of the report's first section: one of last year's comment items, 已完成/未完成, and the evidence. */
const answerSchema = z
  .object({
    itemId: idSchema("整改事项编号", "item id"),
    done: z.boolean({ error: m("dutyReport.chooseDoneOrNot") }),
    evidence: z
      .string({ error: m("dutyReport.evidenceMustBeText") })
      .trim()
      .max(dutyReportRules.evidenceChars, { error: m("dutyReport.evidenceTooLong", { max: dutyReportRules.evidenceChars }) })
      .default(""),
  })
  .superRefine((a, ctx) => {
    if (a.done && a.evidence.length === 0)
      ctx.addIssue({ code: "custom", path: ["evidence"], message: m("dutyReport.evidenceRequiredWhenDone") });
  });

/**
 * `assessment.saveDutyReport`: the body (a draft may be short) and, when given, the answers to
 * last year's items (they replace the saved ones; omitted, the saved answers stay).
 */
export const saveDutyReportSchema = z.object({
  year: assessmentYearSchema,
  unitId: unitIdSchema,
  text: z
    .string({ error: m("dutyReport.textMustBeText") })
    .max(dutyReportRules.maxChars, { error: m("dutyReport.textTooLong", { max: dutyReportRules.maxChars }) }),
  version: expectedVersionSchema,
  answers: z
    .array(answerSchema, { error: m("dutyReport.answersMustBeAList") })
    .max(100, { error: m("dutyReport.answersMustBeAList") })
    .optional(),
});
export type SaveDutyReportInput = z.infer<typeof saveDutyReportSchema>;

/** `assessment.submitDutyReport` and `assessment.acceptDutyReport`: the unit's report of the year. */
export const dutyReportKeySchema = z.object({ year: assessmentYearSchema, unitId: unitIdSchema, version: expectedVersionSchema });
export type DutyReportKeyInput = z.infer<typeof dutyReportKeySchema>;

/** `assessment.returnDutyReport` (退回): why, so the unit knows what to change. */
export const returnDutyReportSchema = dutyReportKeySchema.extend({
  reason: z
    .string({ error: m("dutyReport.reasonIsRequired") })
    .trim()
    .min(2, { error: m("dutyReport.reasonIsRequired") })
    .max(500, { error: m("dutyReport.reasonTooLong", { max: 500 }) }),
});
export type ReturnDutyReportInput = z.infer<typeof returnDutyReportSchema>;

/** `assessment.listDutyReports`: the year's reports of the units below `unitId` the caller reads. */
export const listDutyReportsSchema = z.object({
  year: assessmentYearSchema,
  unitId: unitIdSchema,
  /** Only the reports in this status (e.g. submitted: 待审核); the counts stay those of all. */
  status: z.enum(dutyReportStatuses, { error: m("assessWalk.dutyStatusUnknown") }).optional(),
});
export type ListDutyReportsInput = z.infer<typeof listDutyReportsSchema>;
