import "server-only";
import { assessmentCycleStatuses, caseForms, grades, vetoCodes } from "~/lib/codes";
import { z } from "~/server/lib/zod";
import { isCalendarDate } from "~/server/services/meeting/schemas";
import { m } from "~/lib/server-message";

// Inputs of the cycle procedures (年度考核设置). Cross-field rules live in `checkCycle`.

/** The years a cycle may be opened for. */
export const cycleYears = { min: 2000, max: 2100 } as const;

export const yearSchema = z
  .number({ error: m("assessmentCycle.yearMustBeAYear") })
  .int({ error: m("assessmentCycle.yearMustBeAYear") })
  .min(cycleYears.min, { error: m("assessmentCycle.yearOutOfRange", { min: cycleYears.min, max: cycleYears.max }) })
  .max(cycleYears.max, { error: m("assessmentCycle.yearOutOfRange", { min: cycleYears.min, max: cycleYears.max }) });

const versionSchema = z
  .number({ error: m("assessmentCycle.versionMustBeAnInteger") })
  .int({ error: m("assessmentCycle.versionMustBeAnInteger") })
  .min(1, { error: m("assessmentCycle.versionMustBeAnInteger") });

/** A fraction 0–1 named in both languages. */
const fraction = (zh: string, en: string) =>
  z
    .number({ error: m("assessmentCycle.mustBeAFraction", { zh, en }) })
    .min(0, { error: m("assessmentCycle.mustBeAFraction", { zh, en }) })
    .max(1, { error: m("assessmentCycle.mustBeAFraction", { zh, en }) });

/** A score 0–100 named in both languages. */
const points = (zh: string, en: string) =>
  z
    .number({ error: m("assessmentCycle.mustBePoints", { zh, en }) })
    .min(0, { error: m("assessmentCycle.mustBePoints", { zh, en }) })
    .max(100, { error: m("assessmentCycle.mustBePoints", { zh, en }) });

const dateSchema = (zh: string, en: string) =>
  z
    .string({ error: m("assessmentCycle.mustBeADate", { zh, en }) })
    .trim()
    .refine(isCalendarDate, { error: m("assessmentCycle.mustBeADate", { zh, en }) });

/** The tolerance of “weights add up to 1”. */
export const weightSumTolerance = 0.001;

export const saveCycleSchema = z
  .object({
    year: yearSchema,
    /** The version the editor read; absent when opening a new year. */
    version: versionSchema.optional(),
    quotas: z.object(
      {
        good: fraction("好等次比例", "the 好 quota"),
        fairlyGood: fraction("较好等次比例", "the 较好 quota").nullable().optional(),
      },
      { error: m("assessmentCycle.quotasRequired") },
    ),
    weights: z.object(
      {
        quarterly: fraction("季度综合得分权重", "the quarterly weight"),
        appraisal: fraction("民主测评权重", "the appraisal weight"),
        inspections: fraction("一岗双责检查权重", "the inspections weight"),
      },
      { error: m("assessmentCycle.weightsRequired") },
    ),
    partyWeight: fraction("党建权重", "the Party-building weight"),
    thresholds: z
      .object({
        good: points("好等次分数线", "the 好 threshold"),
        fairlyGood: points("较好等次分数线", "the 较好 threshold"),
        average: points("一般等次分数线", "the 一般 threshold"),
      })
      .optional(),
    caseDeductions: z
      .object(
        Object.fromEntries(caseForms.map((f) => [f, points("问责扣分", "a case deduction")])) as Record<
          (typeof caseForms)[number],
          ReturnType<typeof points>
        >,
      )
      .optional(),
    vetoes: z
      .array(
        z.object({
          code: z.enum(vetoCodes, { error: m("assessmentCycle.unknownVeto") }),
          cap: z.enum(grades, { error: m("assessmentCycle.unknownGrade") }),
        }),
        { error: m("assessmentCycle.vetoesMustBeAList") },
      )
      .max(vetoCodes.length)
      .optional(),
    dutyReportDeadline: dateSchema("述职报告截止日期", "the duty report deadline").optional(),
    publicityFrom: dateSchema("公示开始日期", "the publicity start").nullable().optional(),
    publicityTo: dateSchema("公示结束日期", "the publicity end").nullable().optional(),
  })
  .superRefine((input, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: "custom", path, message });
    const w = input.weights;
    if (Math.abs(w.quarterly + w.appraisal + w.inspections - 1) > weightSumTolerance) {
      issue(
        ["weights"],
        m("assessmentCycle.weightsMustAddUpTo1", { sum: Math.round((w.quarterly + w.appraisal + w.inspections) * 1000) / 10 }),
      );
    }
    const t = input.thresholds;
    if (t && !(t.good > t.fairlyGood && t.fairlyGood > t.average)) issue(["thresholds"], m("assessmentCycle.thresholdsMustBeOrdered"));
    const codes = input.vetoes?.map((v) => v.code) ?? [];
    if (new Set(codes).size !== codes.length) issue(["vetoes"], m("assessmentCycle.vetoTwice"));
    if (input.quotas.fairlyGood != null && input.quotas.good + input.quotas.fairlyGood > 1 + 1e-9) {
      issue(["quotas", "fairlyGood"], m("assessmentCycle.quotasOverOne"));
    }
    const { publicityFrom: from, publicityTo: to } = input;
    if (from && to && isCalendarDate(from) && isCalendarDate(to) && from > to)
      issue(["publicityTo"], m("assessmentCycle.publicityEndsBeforeStart"));
  });
export type SaveCycleInput = z.infer<typeof saveCycleSchema>;

export const cycleYearSchema = z.object({ year: yearSchema });

export const moveCycleSchema = z.object({
  year: yearSchema,
  to: z.enum(assessmentCycleStatuses, { error: m("assessmentCycle.unknownStatus") }),
  version: versionSchema,
});
export type MoveCycleInput = z.infer<typeof moveCycleSchema>;
