import "server-only";
import { z } from "~/server/lib/zod";
import { idSchema, unitIdSchema } from "~/lib/schemas";
import { m } from "~/lib/server-message";
import { isCalendarDate } from "~/server/services/meeting/schemas";

// Inputs of the level above's part of the annual assessment (民主测评, 点评 and its items) and of
// `assessment.getUnitYear`. Messages name the field, Chinese first.

export const assessmentInputLimits = {
  maxVoters: 100_000,
  commentChars: 5000,
  itemChars: 500,
  maxItems: 20,
  evidenceChars: 2000,
  firstYear: 2000,
  lastYear: 2100,
} as const;

/** An assessment year (年度), e.g. 2026. */
export const assessmentYearSchema = z.coerce
  .number({ error: m("assessmentInput.yearMustBeAYear") })
  .int({ error: m("assessmentInput.yearMustBeAYear") })
  .min(assessmentInputLimits.firstYear, { error: m("assessmentInput.yearMustBeAYear") })
  .max(assessmentInputLimits.lastYear, { error: m("assessmentInput.yearMustBeAYear") });

/** The version the editor read (0: there was none yet); omitted, the save does not check it. */
export const expectedVersionSchema = z
  .number({ error: m("assessmentInput.versionMustBeAnInteger") })
  .int({ error: m("assessmentInput.versionMustBeAnInteger") })
  .min(0, { error: m("assessmentInput.versionMustBeAnInteger") })
  .optional();

/** `assessment.getUnitYear` and every input about one unit's year. */
export const unitYearSchema = z.object({ year: assessmentYearSchema, unitId: unitIdSchema });
export type UnitYearInput = z.infer<typeof unitYearSchema>;

/** A ballot count (票数) named `zh` / `en`: an integer ≥ 0. */
const ballots = (zh: string, en: string) =>
  z
    .number({ error: m("assessmentInput.countMustBeAWholeNumber", { zh, en }) })
    .int({ error: m("assessmentInput.countMustBeAWholeNumber", { zh, en }) })
    .min(0, { error: m("assessmentInput.countMustBeAWholeNumber", { zh, en }) })
    .max(assessmentInputLimits.maxVoters, { error: m("assessmentInput.countTooLarge", { zh, en, max: assessmentInputLimits.maxVoters }) });

/** `assessment.saveAppraisal` (民主测评): the counts of the ballots; 好 + 较好 + 一般 + 差 (the valid ballots) ≤ 参评人数. */
export const saveAppraisalSchema = z
  .object({
    year: assessmentYearSchema,
    unitId: unitIdSchema,
    voters: ballots("参评人数", "voters"),
    good: ballots("“好”票数", "good votes"),
    fairlyGood: ballots("“较好”票数", "fairly good votes"),
    average: ballots("“一般”票数", "average votes"),
    poor: ballots("“差”票数", "poor votes"),
    version: expectedVersionSchema,
  })
  .superRefine((a, ctx) => {
    const valid = a.good + a.fairlyGood + a.average + a.poor;
    if (valid > a.voters) {
      ctx.addIssue({
        code: "custom",
        path: ["voters"],
        message: m("assessmentInput.validBallotsExceedVoters", { valid, voters: a.voters }),
      });
    }
  });
export type SaveAppraisalInput = z.infer<typeof saveAppraisalSchema>;

const dateText = (zh: string, en: string) =>
  z
    .string({ error: m("assessmentInput.dateIsRequired", { zh, en }) })
    .trim()
    .refine((s) => isCalendarDate(s), { error: m("assessmentInput.dateMustLookLike", { zh, en }) });

/** One rectification item of the comment (整改事项): what to fix and by when. */
const commentItemSchema = z.object({
  content: z
    .string({ error: m("assessmentInput.itemContentIsRequired") })
    .trim()
    .min(1, { error: m("assessmentInput.itemContentIsRequired") })
    .max(assessmentInputLimits.itemChars, { error: m("assessmentInput.itemContentTooLong", { max: assessmentInputLimits.itemChars }) }),
  deadline: dateText("整改期限", "deadline"),
});

/**
 * `assessment.saveComment` (上级点评): the text and its rectification items. The items replace
 * those of the year's comment not yet answered or done; answered or done ones are kept.
 */
export const saveCommentSchema = z.object({
  year: assessmentYearSchema,
  unitId: unitIdSchema,
  text: z
    .string({ error: m("assessmentInput.commentIsRequired") })
    .trim()
    .min(1, { error: m("assessmentInput.commentIsRequired") })
    .max(assessmentInputLimits.commentChars, { error: m("assessmentInput.commentTooLong", { max: assessmentInputLimits.commentChars }) }),
  items: z
    .array(commentItemSchema, { error: m("assessmentInput.itemsMustBeAList") })
    .max(assessmentInputLimits.maxItems, { error: m("assessmentInput.tooManyItems", { max: assessmentInputLimits.maxItems }) })
    .default([]),
  version: expectedVersionSchema,
});
export type SaveCommentInput = z.infer<typeof saveCommentSchema>;

/** `assessment.markItemDone`: the unit marks an item of the comment done (整改完成), saying how. */
export const markItemDoneSchema = z.object({
  id: idSchema("整改事项编号", "item id"),
  evidence: z
    .string({ error: m("assessmentInput.evidenceIsRequired") })
    .trim()
    .min(2, { error: m("assessmentInput.evidenceIsRequired") })
    .max(assessmentInputLimits.evidenceChars, {
      error: m("assessmentInput.evidenceTooLong", { max: assessmentInputLimits.evidenceChars }),
    }),
});
export type MarkItemDoneInput = z.infer<typeof markItemDoneSchema>;

/** `assessment.overdueItems`: the overdue comment items below (and of) `unitId`. */
export const overdueItemsSchema = z.object({ unitId: unitIdSchema });
export type OverdueItemsInput = z.infer<typeof overdueItemsSchema>;
