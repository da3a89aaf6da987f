import "server-only";
import { grades } from "~/lib/codes";
import { unitIdSchema } from "~/lib/schemas";
import { z } from "~/server/lib/zod";
import { yearSchema } from "./cycle-schemas";
import { m } from "~/lib/server-message";

// Inputs of the grade procedures (等次评定).

export const gradeLimits = { reasonChars: 500, minReasonChars: 2 } as const;

/** `assessment.grades` / `assessment.gradeQuota`: a year and the root of the subtree. */
export const gradesSchema = z.object({ year: yearSchema, unitId: unitIdSchema });
export type GradesInput = z.infer<typeof gradesSchema>;

const gradeSchema = z.enum(grades, { error: m("assessmentGrade.chooseAGrade") });

/** `assessment.setFinalGrade`: the reason is required when the grade differs from the computed one (checked by the service). */
export const setFinalGradeSchema = z.object({
  year: yearSchema,
  unitId: unitIdSchema,
  grade: gradeSchema,
  reason: z
    .string({ error: m("assessmentGrade.reasonMustBeText") })
    .trim()
    .max(gradeLimits.reasonChars, { error: m("assessmentGrade.reasonTooLong", { reasonChars: gradeLimits.reasonChars }) })
    .nullable()
    .optional(),
  /** The version of the unit's grade row the caller read; absent when none was stored yet. */
  version: z
    .number({ error: m("assessmentGrade.versionMustBeAnInteger") })
    .int({ error: m("assessmentGrade.versionMustBeAnInteger") })
    .min(1, { error: m("assessmentGrade.versionMustBeAnInteger") })
    .optional(),
});
export type SetFinalGradeInput = z.infer<typeof setFinalGradeSchema>;

/** `assessment.proposeGrade`: the 述职评议会's proposal. */
export const proposeGradeSchema = z.object({ year: yearSchema, unitId: unitIdSchema, grade: gradeSchema });
export type ProposeGradeInput = z.infer<typeof proposeGradeSchema>;

/** `assessment.publicity`: the 公示 list of a year (the caller's readable units). */
export const publicitySchema = z.object({ year: yearSchema });
