import "server-only";
import { caseSubjects, categoryCodes, caseForms, grades, reviewDecisions, rootCauses } from "~/lib/codes";
import { reportInclusions, type ReportInclusion } from "~/lib/status";
import { z } from "~/server/lib/zod";
import { coercedIdSchema, quarterSchema, unitIdSchema } from "~/lib/schemas";
import { m } from "~/lib/server-message";
import { assessmentYearSchema } from "~/server/services/assessment/inputs-schemas";

// Inputs of the review-meeting procedures (问责审议会).

/** The most units one agenda holds (the proposal stops at 15; the chair may add more). */
export const maxAgendaItems = 60;

const idSchema = coercedIdSchema("审议会编号", "id");

/** Whose scores count: approved reports only (the default), or submitted ones too. */
export type ScoreInclusion = ReportInclusion;

export const proposeSchema = z.object({
  unitId: unitIdSchema,
  quarter: quarterSchema,
  include: z.enum(reportInclusions, { error: m("review.includeMustBeApprovedOrSubmitted") }).optional(),
});
export type ProposeInput = z.infer<typeof proposeSchema>;

const title = z
  .string({ error: m("review.titleIsRequired") })
  .trim()
  .min(2, { error: m("review.titleAtLeast2Characters") })
  .max(100, { error: m("review.titleAtMost100Characters") });

const unitList = z
  .array(unitIdSchema, { error: m("review.unitidsMustBeAList") })
  .min(1, { error: m("review.theAgendaNeedsAtLeastOne") })
  .max(maxAgendaItems, { error: m("review.atMostUnits", { maxAgendaItems }) });

/** 出席人员: names and posts as the chair types them (one a line or separated by 、), shown in the minutes. */
export const attendeesSchema = z
  .string({ error: m("review.attendeesMustBeText") })
  .trim()
  .max(2000, { error: m("review.attendeesAtMost2000Characters") });

export const createReviewSchema = z.object({
  unitId: unitIdSchema,
  quarter: quarterSchema,
  title,
  /** The agenda in order; omitted: the proposed one. */
  unitIds: unitList.optional(),
  include: z.enum(reportInclusions, { error: m("review.includeMustBeApprovedOrSubmitted") }).optional(),
  attendees: attendeesSchema.optional(),
});
export type CreateReviewInput = z.infer<typeof createReviewSchema>;

export const updateAgendaSchema = z.object({
  id: idSchema,
  version: z
    .number({ error: m("review.versionMustBeAnInteger") })
    .int()
    .min(1)
    .max(2_147_483_647, { error: m("review.badVersion") }),
  items: z
    .array(z.object({ unitId: unitIdSchema }), { error: m("review.itemsMustBeAList") })
    .min(1, { error: m("review.theAgendaNeedsAtLeastOne") })
    .max(maxAgendaItems, { error: m("review.atMostUnits", { maxAgendaItems }) }),
});
export type UpdateAgendaInput = z.infer<typeof updateAgendaSchema>;

const caseText = (what: string, min: number, max: number) =>
  z
    .string({ error: m("review.isRequired", { what }) })
    .trim()
    .min(min, { error: m("review.atLeastCharacters", { what, min }) })
    .max(max, { error: m("review.atMostCharacters", { what, max }) });

/** The case a 立案问责 decision opens (unit and source come from the agenda item). */
export const decisionCaseSchema = z.object({
  subject: z.enum(caseSubjects, { error: m("review.chooseASubject") }),
  category: z.enum(categoryCodes, { error: m("review.chooseACategory") }),
  rootCause: z.enum(rootCauses, { error: m("review.chooseARootCause") }),
  form: z.enum(caseForms, { error: m("review.chooseAFormOfAccountability") }),
  facts: caseText("问题事实", 2, 5000),
});

const noteSchema = z
  .string({ error: m("review.noteMustBeText") })
  .trim()
  .max(1000, { error: m("review.noteAtMost1000Characters") });

export const decideSchema = z.object({
  id: idSchema,
  unitId: unitIdSchema,
  decision: z.enum(reviewDecisions, { error: m("review.chooseADecision") }),
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

// ── 述职评议会 (kind duty_review): one slide per secretary ───────────────────────────────────

export const proposeDutySchema = z.object({ unitId: unitIdSchema, year: assessmentYearSchema });
export type ProposeDutyInput = z.infer<typeof proposeDutySchema>;

export const createDutySchema = z.object({
  unitId: unitIdSchema,
  year: assessmentYearSchema,
  title,
  /** The agenda in order; omitted: every unit of the subtree with a secretary in post. */
  unitIds: unitList.optional(),
  attendees: attendeesSchema.optional(),
});
export type CreateDutyInput = z.infer<typeof createDutySchema>;

/** The grade the meeting proposes for one unit (好/较好/一般/差), pressed as 1–4 on its slide. */
export const proposeGradeSchema = z.object({
  id: idSchema,
  unitId: unitIdSchema,
  grade: z.enum(grades, { error: m("dutyReview.chooseAGrade") }),
});
export type ProposeGradeInput = z.infer<typeof proposeGradeSchema>;
