import "server-only";
import { inspectionResults, inspectionSubjects } from "~/lib/codes";
import { z } from "~/server/lib/zod";
import { isCalendarDate, todayInChina } from "~/server/services/meeting/schemas";
import { idSchema, quarterSchema, unitIdSchema } from "~/lib/schemas";
import { chosenUnitIdSchema } from "~/server/services/unit/schemas-picker";
import { m } from "~/lib/server-message";

// Inputs of the inspection procedures (一岗双责检查). Cross-field rules live in `checkInspection`.

export const inspectionLimits = { personChars: 50, findingsChars: 5000, minFindingsChars: 2, earliestDate: "2000-01-01" } as const;

/** The fields of an inspection record (without its unit or identity). */
export const inspectionFieldsSchema = z.object({
  inspectedOn: z
    .string({ error: m("inspection.inspectionDateIsRequired") })
    .trim()
    .min(1, { error: m("inspection.inspectionDateIsRequired"), abort: true })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: m("inspection.dateMustLookLike202609") }),
  subject: z.enum(inspectionSubjects, { error: m("inspection.chooseWhoWasChecked") }),
  personName: z
    .string({ error: m("inspection.personNameMustBeText") })
    .trim()
    .max(inspectionLimits.personChars, { error: m("inspection.nameTooLong", { personChars: inspectionLimits.personChars }) })
    .nullable()
    .optional(),
  result: z.enum(inspectionResults, { error: m("inspection.chooseAResult") }),
  findings: z
    .string({ error: m("inspection.findingsMustBeText") })
    .trim()
    .max(inspectionLimits.findingsChars, { error: m("inspection.findingsTooLong", { findingsChars: inspectionLimits.findingsChars }) })
    .default(""),
  reportedUpward: z.boolean({ error: m("inspection.mustBeTrueOrFalse") }).default(false),
});

type Fields = z.infer<typeof inspectionFieldsSchema>;

/** The date is real, not before 2000 and not after today (Beijing); a result short of 合格 says what was found. */
function checkInspection(input: Fields, ctx: z.core.$RefinementCtx<Fields>, now = new Date()) {
  const issue = (path: keyof Fields, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
  if (!isCalendarDate(input.inspectedOn)) issue("inspectedOn", m("inspection.notAValidCalendarDate", { inspectedOn: input.inspectedOn }));
  else if (input.inspectedOn < inspectionLimits.earliestDate) issue("inspectedOn", m("inspection.dateBefore2000"));
  else if (input.inspectedOn > todayInChina(now)) issue("inspectedOn", m("inspection.dateIsInTheFuture"));
  if (input.result !== "pass" && input.findings.length < inspectionLimits.minFindingsChars) {
    issue("findings", input.result === "fail" ? m("inspection.findingsRequiredForFail") : m("inspection.findingsRequiredForBasic"));
  }
}

/** `inspection.create`. */
export const createInspectionSchema = inspectionFieldsSchema
  .extend({ unitId: chosenUnitIdSchema() })
  .superRefine((input, ctx) => checkInspection(input, ctx));
export type CreateInspectionInput = z.infer<typeof createInspectionSchema>;

/** `inspection.update`: the whole record is replaced (the unit stays); `version` is the one the editor read. */
export const updateInspectionSchema = inspectionFieldsSchema
  .extend({
    id: idSchema("检查记录编号"),
    version: z
      .number({ error: m("inspection.versionMustBeAnInteger") })
      .int()
      .min(1, { error: m("inspection.badVersion") }),
  })
  .superRefine((input, ctx) => checkInspection(input, ctx));
export type UpdateInspectionInput = z.infer<typeof updateInspectionSchema>;

export const inspectionIdSchema = z.object({ id: idSchema("检查记录编号") });

/** `inspection.list`: a subtree (staff: their own unit), optionally one quarter and one result. */
export const listInspectionsSchema = z.object({
  unitId: unitIdSchema,
  quarter: quarterSchema.optional(),
  result: z.enum(inspectionResults, { error: m("inspection.unknownResult") }).optional(),
});
export type ListInspectionsInput = z.infer<typeof listInspectionsSchema>;

export type InspectionFields = Fields;

/** `inspection.withdraw` (撤回): the version the caller read and why it is withdrawn. */
export const withdrawInspectionSchema = z.object({
  id: idSchema("检查记录编号"),
  version: z
    .number({ error: m("inspection.versionMustBeAnInteger") })
    .int()
    .min(1, { error: m("inspection.badVersion") }),
  reason: z
    .string({ error: m("inspection.reasonIsRequired") })
    .trim()
    .min(2, { error: m("inspection.reasonIsRequiredAtLeast2") })
    .max(500, { error: m("inspection.reasonTooLong") }),
});
export type WithdrawInspectionInput = z.infer<typeof withdrawInspectionSchema>;
