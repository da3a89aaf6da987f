import "server-only";
import { officerOutcomeKinds, officerPosts } from "~/lib/codes";
import { idSchema, unitIdSchema } from "~/lib/schemas";
import { z } from "~/server/lib/zod";
import { isCalendarDate, todayInChina } from "~/server/services/meeting/schemas";
import { chosenUnitIdSchema } from "~/server/services/unit/schemas-picker";
import { day, m } from "~/lib/server-message";

// Inputs of the officer procedures (班子成员名册, 干部考察参考). Cross-field rules live in the refinements.

export const officerLimits = { nameChars: 30, noteChars: 500, earliestDate: "1980-01-01", searchChars: 30 } as const;

const dateField = (required: () => string) =>
  z
    .string({ error: required })
    .trim()
    // An empty field is missing, not badly written: say which field to fill, and nothing else.
    .min(1, { error: required, abort: true })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: m("officer.dateFormat") })
    .refine(isCalendarDate, { error: m("officer.notACalendarDate") })
    .refine((d) => d >= officerLimits.earliestDate, { error: m("officer.dateTooEarly") });

const nameField = z
  .string({ error: m("officer.nameIsRequired") })
  .trim()
  .min(1, { error: m("officer.nameIsRequired") })
  .max(officerLimits.nameChars, { error: m("officer.nameTooLong", { max: officerLimits.nameChars }) });

const versionField = z
  .number({ error: m("officer.badVersion") })
  .int({ error: m("officer.badVersion") })
  .min(1, { error: m("officer.badVersion") });

/** The fields of a tenure (任职) an admin types. `to` null: still in post. */
const tenureFields = {
  name: nameField,
  post: z.enum(officerPosts, { error: m("officer.choosePost") }),
  fullTime: z.boolean({ error: m("officer.mustBeYesOrNo") }).default(false),
  concurrentHead: z.boolean({ error: m("officer.mustBeYesOrNo") }).default(false),
  from: dateField(() => m("officer.fromIsRequired")),
  to: dateField(() => m("officer.toMustBeADate"))
    .nullable()
    .optional()
    .transform((v) => v ?? null),
};

type Dates = { from: string; to: string | null };

/** The start is not in the future (Beijing); the end, when given, is not before the start. */
function checkDates(input: Dates, ctx: z.core.$RefinementCtx<Dates>, now = new Date()) {
  if (input.from > todayInChina(now)) ctx.addIssue({ code: "custom", path: ["from"], message: m("officer.fromInTheFuture") });
  if (input.to !== null && input.to < input.from)
    ctx.addIssue({ code: "custom", path: ["to"], message: m("officer.toBeforeFrom", { from: day(input.from), to: day(input.to) }) });
}

/** `officer.create`: a new tenure on a unit; `personId` continues a person who already holds or held a post elsewhere. */
export const createOfficerSchema = z
  .object({ unitId: chosenUnitIdSchema(), personId: idSchema("人员编号", "personId").optional(), ...tenureFields })
  .superRefine((input, ctx) => checkDates(input, ctx));
export type CreateOfficerInput = z.infer<typeof createOfficerSchema>;

/** `officer.update`: the whole tenure replaced (the unit and person stay; the name corrects the person's name). */
export const updateOfficerSchema = z
  .object({ id: idSchema("任职记录编号", "id"), version: versionField, ...tenureFields })
  .superRefine((input, ctx) => checkDates(input, ctx));
export type UpdateOfficerInput = z.infer<typeof updateOfficerSchema>;

/** `officer.end` (离任): the last day in post; `version` optional for callers that did not read one. */
export const endOfficerSchema = z.object({
  id: idSchema("任职记录编号", "id"),
  to: dateField(() => m("officer.toIsRequired")),
  version: versionField.optional(),
});
export type EndOfficerInput = z.infer<typeof endOfficerSchema>;

export const officerIdSchema = z.object({ id: idSchema("任职记录编号", "id") });
export const listOfficersSchema = z.object({ unitId: unitIdSchema });

/** `officer.secretaryOn`: the unit's secretary on a day (the inspection form shows who it is before saving). */
export const secretaryOnSchema = z.object({ unitId: unitIdSchema, date: dateField(() => m("assessWalk.dayIsRequired")) });
export type SecretaryOnInput = z.infer<typeof secretaryOnSchema>;

/** `officer.people`: 已有人员 — people whose name contains `query`, to continue their record on another unit. */
export const searchPeopleSchema = z.object({
  query: z
    .string({ error: m("officer.typePartOfAName") })
    .trim()
    .min(1, { error: m("officer.typePartOfAName") })
    .max(officerLimits.searchChars, { error: m("officer.searchTooLong", { max: officerLimits.searchChars }) }),
});

/** `officer.addOutcome`: what the department decided about the person of tenure `id` (提拔 / 表彰 / 调整). */
export const addOutcomeSchema = z
  .object({
    id: idSchema("任职记录编号", "id"),
    kind: z.enum(officerOutcomeKinds, { error: m("officer.chooseOutcomeKind") }),
    decidedOn: dateField(() => m("officer.decidedOnIsRequired")),
    year: z
      .number({ error: m("officer.yearMustBeAYear") })
      .int({ error: m("officer.yearMustBeAYear") })
      .min(2000, { error: m("officer.yearMustBeAYear") })
      .max(2100, { error: m("officer.yearMustBeAYear") }),
    note: z
      .string({ error: m("officer.noteMustBeText") })
      .trim()
      .max(officerLimits.noteChars, { error: m("officer.noteTooLong", { max: officerLimits.noteChars }) })
      .default(""),
  })
  .superRefine((input, ctx) => {
    if (input.decidedOn > todayInChina()) ctx.addIssue({ code: "custom", path: ["decidedOn"], message: m("officer.decidedOnInTheFuture") });
    if (input.year > Number(input.decidedOn.slice(0, 4)))
      ctx.addIssue({ code: "custom", path: ["year"], message: m("officer.yearAfterDecision", { year: input.year }) });
  });
export type AddOutcomeInput = z.infer<typeof addOutcomeSchema>;
