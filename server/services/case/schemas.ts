import { caseForms, caseSourceTypes, caseStatuses, caseSubjects, categoryCodes, flagKinds, rootCauses } from "~/lib/codes";
import { z } from "~/server/lib/zod";
import { isCalendarDate } from "~/server/services/meeting/schemas";
import { coercedIdSchema, quarterSchema, unitIdSchema } from "~/lib/schemas";
import { chosenUnitIdSchema } from "~/server/services/unit/schemas-picker";

// Inputs of the case procedures (DESIGN.md API contract: case.create / case.transition / case.list).

const text = (what: string, min: number, max: number) =>
  z
    .string({ error: `请填写${what}（${what} is required）` })
    .trim()
    .min(min, { error: min <= 1 ? `请填写${what}（required）` : `${what}至少 ${min} 个字（at least ${min} characters）` })
    .max(max, { error: `${what}不能超过 ${max} 字（at most ${max} characters）` });

export const createCaseSchema = z.object({
  unitId: chosenUnitIdSchema(),
  subject: z.enum(caseSubjects, { error: "请选择问责对象：党组织、书记、班子成员或党员（choose a subject）" }),
  category: z.enum(categoryCodes, { error: "请选择问题类别（choose a category）" }),
  rootCause: z.enum(rootCauses, { error: "请选择问题根源（choose a root cause）" }),
  form: z.enum(caseForms, { error: "请选择问责方式（choose a form of accountability）" }),
  facts: text("问题事实", 2, 5000),
  sourceType: z.enum(caseSourceTypes, { error: "来源类型无效（unknown source type）" }).optional(),
  sourceId: coercedIdSchema("来源编号").optional(),
  /** For a formalism flag: which flag of the meeting `sourceId`. */
  flagKind: z.enum(flagKinds, { error: "预警类型无效（unknown flag kind）" }).optional(),
});
export type CreateCaseInput = z.infer<typeof createCaseSchema>;

export const transitionCaseSchema = z.object({
  id: coercedIdSchema("案件编号"),
  to: z.enum(caseStatuses, { error: "目标状态无效（unknown status）" }),
  comment: text("办理意见", 2, 500),
});

export const listCasesSchema = z.object({
  unitId: unitIdSchema,
  quarter: quarterSchema.optional(),
  category: z.enum(categoryCodes).optional(),
  form: z.enum(caseForms).optional(),
  status: z.enum(caseStatuses).optional(),
  overdue: z.boolean().optional(),
});
export type ListCasesInput = z.infer<typeof listCasesSchema>;

export const caseIdSchema = z.object({ id: coercedIdSchema("案件编号") });

export const addItemSchema = z.object({
  caseId: coercedIdSchema("案件编号"),
  description: text("整改事项", 2, 500),
  owner: text("责任人", 1, 100),
  deadline: z
    .string({ error: "请填写整改期限，格式 YYYY-MM-DD（deadline is required）" })
    .trim()
    .refine(isCalendarDate, { error: "整改期限应为有效日期，如 2026-12-31（deadline must be a date like 2026-12-31）" }),
});

export const completeItemSchema = z.object({ itemId: coercedIdSchema("整改事项编号") });

/** `case.update`: corrects what was recorded at 立案, while the case is not yet decided; omitted fields stay. */
export const updateCaseSchema = z.object({
  id: coercedIdSchema("案件编号"),
  version: z.number({ error: "版本号须为整数（version must be an integer）" }).int().min(1, { error: "版本号无效（bad version）" }),
  subject: createCaseSchema.shape.subject.optional(),
  category: createCaseSchema.shape.category.optional(),
  rootCause: createCaseSchema.shape.rootCause.optional(),
  form: createCaseSchema.shape.form.optional(),
  facts: createCaseSchema.shape.facts.optional(),
});
export type UpdateCaseInput = z.infer<typeof updateCaseSchema>;

/** `case.sourceOptions`: the records of a unit a new case may name as its source; `includeId` keeps a pre-filled one listed. */
export const sourceOptionsSchema = z.object({
  unitId: unitIdSchema,
  sourceType: z.enum(caseSourceTypes, { error: "来源类型无效（unknown source type）" }),
  includeId: coercedIdSchema("来源编号").optional(),
});
export type SourceOptionsInput = z.infer<typeof sourceOptionsSchema>;
