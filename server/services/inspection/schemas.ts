import { inspectionResults, inspectionSubjects } from "~/lib/codes";
import { z } from "~/server/lib/zod";
import { isCalendarDate, todayInChina } from "~/server/services/meeting/schemas";
import { idSchema, quarterSchema, unitIdSchema } from "~/lib/schemas";
import { chosenUnitIdSchema } from "~/server/services/unit/schemas-picker";

// Inputs of the inspection procedures (一岗双责检查). Cross-field rules live in `checkInspection`.

export const inspectionLimits = { personChars: 50, findingsChars: 5000, minFindingsChars: 2, earliestDate: "2000-01-01" } as const;

/** The fields of an inspection record (without its unit or identity). */
export const inspectionFieldsSchema = z.object({
  inspectedOn: z
    .string({ error: "请填写检查日期，格式 YYYY-MM-DD（inspection date is required）" })
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "检查日期格式应为 YYYY-MM-DD，如 2026-09-15（date must look like 2026-09-15）" }),
  subject: z.enum(inspectionSubjects, { error: "请选择检查对象：书记或班子成员（choose who was checked）" }),
  personName: z
    .string({ error: "被检查人姓名须为文本（person name must be text）" })
    .trim()
    .max(inspectionLimits.personChars, { error: `被检查人姓名不能超过 ${inspectionLimits.personChars} 字（name too long）` })
    .nullable()
    .optional(),
  result: z.enum(inspectionResults, { error: "请选择检查结果：合格、基本合格或不合格（choose a result）" }),
  findings: z
    .string({ error: "检查发现须为文本（findings must be text）" })
    .trim()
    .max(inspectionLimits.findingsChars, { error: `检查发现不能超过 ${inspectionLimits.findingsChars} 字（findings too long）` })
    .default(""),
  reportedUpward: z.boolean({ error: "是否已向上级报告须为是或否（must be true or false）" }).default(false),
});

type Fields = z.infer<typeof inspectionFieldsSchema>;

/** The date is real, not before 2000 and not after today (Beijing); a result short of 合格 says what was found. */
function checkInspection(m: Fields, ctx: z.core.$RefinementCtx<Fields>, now = new Date()) {
  const issue = (path: keyof Fields, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
  if (!isCalendarDate(m.inspectedOn)) issue("inspectedOn", `检查日期 ${m.inspectedOn} 不是有效日期（not a valid calendar date）`);
  else if (m.inspectedOn < inspectionLimits.earliestDate) issue("inspectedOn", "检查日期不能早于 2000 年（date before 2000）");
  else if (m.inspectedOn > todayInChina(now)) issue("inspectedOn", "检查日期不能晚于今天（date is in the future）");
  if (m.result !== "pass" && m.findings.length < inspectionLimits.minFindingsChars) {
    issue(
      "findings",
      m.result === "fail"
        ? "结果为不合格时须写明检查发现的问题，至少 2 个字（findings are required when the result is fail）"
        : "结果为基本合格时须写明检查发现的问题，至少 2 个字（findings are required when the result is basic）",
    );
  }
}

/** `inspection.create`. */
export const createInspectionSchema = inspectionFieldsSchema
  .extend({ unitId: chosenUnitIdSchema() })
  .superRefine((m, ctx) => checkInspection(m, ctx));
export type CreateInspectionInput = z.infer<typeof createInspectionSchema>;

/** `inspection.update`: the whole record is replaced (the unit stays); `version` is the one the editor read. */
export const updateInspectionSchema = inspectionFieldsSchema
  .extend({
    id: idSchema("检查记录编号"),
    version: z.number({ error: "版本号须为整数（version must be an integer）" }).int().min(1, { error: "版本号无效（bad version）" }),
  })
  .superRefine((m, ctx) => checkInspection(m, ctx));
export type UpdateInspectionInput = z.infer<typeof updateInspectionSchema>;

export const inspectionIdSchema = z.object({ id: idSchema("检查记录编号") });

/** `inspection.list`: a subtree (staff: their own unit), optionally one quarter and one result. */
export const listInspectionsSchema = z.object({
  unitId: unitIdSchema,
  quarter: quarterSchema.optional(),
  result: z.enum(inspectionResults, { error: "检查结果无效（unknown result）" }).optional(),
});
export type ListInspectionsInput = z.infer<typeof listInspectionsSchema>;

export type InspectionFields = Fields;

/** `inspection.withdraw` (撤回): the version the caller read and why it is withdrawn. */
export const withdrawInspectionSchema = z.object({
  id: idSchema("检查记录编号"),
  version: z.number({ error: "版本号须为整数（version must be an integer）" }).int().min(1, { error: "版本号无效（bad version）" }),
  reason: z
    .string({ error: "请填写撤回原因（reason is required）" })
    .trim()
    .min(2, { error: "请填写撤回原因，至少 2 个字（reason is required, at least 2 characters）" })
    .max(500, { error: "撤回原因不能超过 500 字（reason too long）" }),
});
export type WithdrawInspectionInput = z.infer<typeof withdrawInspectionSchema>;
