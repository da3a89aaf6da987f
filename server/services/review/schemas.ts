import { caseSubjects, categoryCodes, caseForms, reviewDecisions, rootCauses } from "~/lib/codes";
import { reportInclusions, type ReportInclusion } from "~/lib/status";
import { z } from "~/server/lib/zod";
import { coercedIdSchema, quarterSchema, unitIdSchema } from "~/lib/schemas";

// Inputs of the review-meeting procedures (问责审议会).

/** The most units one agenda holds (the proposal stops at 15; the chair may add more). */
export const maxAgendaItems = 60;

const idSchema = coercedIdSchema("审议会编号", "id");

/** Whose scores count: approved reports only (the default), or submitted ones too. */
export type ScoreInclusion = ReportInclusion;

export const proposeSchema = z.object({
  unitId: unitIdSchema,
  quarter: quarterSchema,
  include: z.enum(reportInclusions, { error: "计分口径无效（include must be approved or submitted）" }).optional(),
});
export type ProposeInput = z.infer<typeof proposeSchema>;

const title = z
  .string({ error: "请填写会议名称（title is required）" })
  .trim()
  .min(2, { error: "会议名称至少 2 个字（title: at least 2 characters）" })
  .max(100, { error: "会议名称不能超过 100 字（title: at most 100 characters）" });

const unitList = z
  .array(unitIdSchema, { error: "议程单位须为单位编号列表（unitIds must be a list）" })
  .min(1, { error: "议程至少要有一个单位（the agenda needs at least one unit）" })
  .max(maxAgendaItems, { error: `议程最多 ${maxAgendaItems} 个单位（at most ${maxAgendaItems} units）` });

/** 出席人员: names and posts as the chair types them (one a line or separated by 、), shown in the minutes. */
export const attendeesSchema = z
  .string({ error: "出席人员须为文本（attendees must be text）" })
  .trim()
  .max(2000, { error: "出席人员不能超过 2000 字（attendees: at most 2000 characters）" });

export const createReviewSchema = z.object({
  unitId: unitIdSchema,
  quarter: quarterSchema,
  title,
  /** The agenda in order; omitted: the proposed one. */
  unitIds: unitList.optional(),
  include: z.enum(reportInclusions, { error: "计分口径无效（include must be approved or submitted）" }).optional(),
  attendees: attendeesSchema.optional(),
});
export type CreateReviewInput = z.infer<typeof createReviewSchema>;

export const updateAgendaSchema = z.object({
  id: idSchema,
  version: z
    .number({ error: "版本号须为整数（version must be an integer）" })
    .int()
    .min(1)
    .max(2_147_483_647, { error: "版本号无效（bad version）" }),
  items: z
    .array(z.object({ unitId: unitIdSchema }), { error: "议程须为单位列表（items must be a list）" })
    .min(1, { error: "议程至少要有一个单位（the agenda needs at least one unit）" })
    .max(maxAgendaItems, { error: `议程最多 ${maxAgendaItems} 个单位（at most ${maxAgendaItems} units）` }),
});
export type UpdateAgendaInput = z.infer<typeof updateAgendaSchema>;

const caseText = (what: string, min: number, max: number) =>
  z
    .string({ error: `请填写${what}（${what} is required）` })
    .trim()
    .min(min, { error: `${what}至少 ${min} 个字（at least ${min} characters）` })
    .max(max, { error: `${what}不能超过 ${max} 字（at most ${max} characters）` });

/** The case a 立案问责 decision opens (unit and source come from the agenda item). */
export const decisionCaseSchema = z.object({
  subject: z.enum(caseSubjects, { error: "请选择问责对象：党组织、书记、班子成员或党员（choose a subject）" }),
  category: z.enum(categoryCodes, { error: "请选择问题类别（choose a category）" }),
  rootCause: z.enum(rootCauses, { error: "请选择问题根源（choose a root cause）" }),
  form: z.enum(caseForms, { error: "请选择问责方式（choose a form of accountability）" }),
  facts: caseText("问题事实", 2, 5000),
});

const noteSchema = z
  .string({ error: "决定说明须为文本（note must be text）" })
  .trim()
  .max(1000, { error: "决定说明不能超过 1000 字（note: at most 1000 characters）" });

export const decideSchema = z.object({
  id: idSchema,
  unitId: unitIdSchema,
  decision: z.enum(reviewDecisions, { error: "请选择审议决定：不作处理、约谈提醒、督办或立案问责（choose a decision）" }),
  note: noteSchema.default(""),
  case: decisionCaseSchema.optional(),
});
export type DecideInput = z.infer<typeof decideSchema>;

/** The note on one unit, saved as the chair types it, with or without a decision yet. */
export const saveNoteSchema = z.object({ id: idSchema, unitId: unitIdSchema, note: noteSchema });
export type SaveNoteInput = z.infer<typeof saveNoteSchema>;

export const reviewIdSchema = z.object({ id: idSchema });
/** Starting the meeting records who attends (出席人员) when given. */
export const startReviewSchema = z.object({ id: idSchema, attendees: attendeesSchema.optional() });
export const listReviewsSchema = z.object({ unitId: unitIdSchema });
