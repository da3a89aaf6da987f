import "server-only";
import { caseForms, caseSourceTypes, caseStatuses, caseSubjects, categoryCodes, flagKinds, rootCauses } from "~/lib/codes";
import { z } from "~/server/lib/zod";
import { isCalendarDate } from "~/server/services/meeting/schemas";
import { coercedIdSchema, quarterSchema, unitIdSchema } from "~/lib/schemas";
import { chosenUnitIdSchema } from "~/server/services/unit/schemas-picker";
import { m } from "~/lib/server-message";

// Inputs of the case procedures (DESIGN.md API contract: case.create / case.transition / case.list).

const text = (what: string, min: number, max: number) =>
  z
    .string({ error: m("case.isRequired", { what }) })
    .trim()
    .min(min, { error: min <= 1 ? m("case.required", { what }) : m("case.atLeastCharacters", { what, min }) })
    .max(max, { error: m("case.atMostCharacters", { what, max }) });

export const createCaseSchema = z.object({
  unitId: chosenUnitIdSchema(),
  subject: z.enum(caseSubjects, { error: m("case.chooseASubject") }),
  category: z.enum(categoryCodes, { error: m("case.chooseACategory") }),
  rootCause: z.enum(rootCauses, { error: m("case.chooseARootCause") }),
  form: z.enum(caseForms, { error: m("case.chooseAFormOfAccountability") }),
  facts: text("问题事实", 2, 5000),
  sourceType: z.enum(caseSourceTypes, { error: m("case.unknownSourceType") }).optional(),
  sourceId: coercedIdSchema("来源编号").optional(),
  /** For a formalism flag: which flag of the meeting `sourceId`. */
  flagKind: z.enum(flagKinds, { error: m("case.unknownFlagKind") }).optional(),
});
export type CreateCaseInput = z.infer<typeof createCaseSchema>;

export const transitionCaseSchema = z.object({
  id: coercedIdSchema("案件编号"),
  to: z.enum(caseStatuses, { error: m("case.unknownStatus") }),
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
    .string({ error: m("case.deadlineIsRequired") })
    .trim()
    .min(1, { error: m("case.deadlineIsRequired"), abort: true })
    .refine(isCalendarDate, { error: m("case.deadlineMustBeADateLike") }),
});

export const completeItemSchema = z.object({ itemId: coercedIdSchema("整改事项编号") });

/** `case.update`: corrects what was recorded at 立案, while the case is not yet decided; omitted fields stay. */
export const updateCaseSchema = z.object({
  id: coercedIdSchema("案件编号"),
  version: z
    .number({ error: m("case.versionMustBeAnInteger") })
    .int()
    .min(1, { error: m("case.badVersion") }),
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
  sourceType: z.enum(caseSourceTypes, { error: m("case.unknownSourceType") }),
  includeId: coercedIdSchema("来源编号").optional(),
});
export type SourceOptionsInput = z.infer<typeof sourceOptionsSchema>;
