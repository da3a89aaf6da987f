import "server-only";
import { flagKinds, meetingTypes } from "~/lib/codes";
import { z } from "~/server/lib/zod";
import { idSchema as rowIdSchema, quarterSchema, unitIdSchema } from "~/lib/schemas";
import { chosenUnitIdSchema } from "~/server/services/unit/schemas-picker";
import { m } from "~/lib/server-message";

// Inputs of the meeting procedures. Every rule lives here (cross-field ones in `checkMeeting`)
// so that the Excel import gets the same per-field messages from `meetingInputSchema.safeParse`.

/** Sane upper bounds: a typo (an extra zero) should be caught, not stored. */
export const meetingLimits = {
  attendees: 10_000,
  opinions: 2_000,
  rectificationItems: 500,
  topicChars: 200,
  minutesChars: 20_000,
  earliestDate: "2000-01-01",
} as const;

const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `s` is a real calendar date written YYYY-MM-DD (no 2026-02-30). */
export function isCalendarDate(s: string): boolean {
  const m = datePattern.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

/** Today's calendar date in Beijing (meetings are dated in local time, whatever the server's zone). */
import { todayInChina } from "~/lib/beijing-day";

export { todayInChina };

/** The quarter of a YYYY-MM-DD date, read from the text itself so no time zone can shift it. */
export function quarterOfDate(date: string): string {
  const [y, m] = date.split("-").map(Number) as [number, number];
  return `${y}Q${Math.floor((m - 1) / 3) + 1}`;
}

const count = (what: string, max: number, min = 0) =>
  z
    .number({ error: m("meeting.mustBeAWholeNumber", { what }) })
    .int({ error: m("meeting.mustBeAWholeNumber", { what }) })
    .min(min, { error: min === 0 ? m("meeting.cannotBeNegative", { what }) : m("meeting.atLeast", { what, min }) })
    .max(max, { error: m("meeting.atMost", { what, max }) });

const optionalCount = (what: string, max: number) => count(what, max).nullable().optional();

/** The fields of a meeting record (without its unit or identity). */
export const meetingFieldsSchema = z.object({
  type: z.enum(meetingTypes, {
    error: m("meeting.chooseAMeetingType"),
  }),
  date: z
    .string({ error: m("meeting.dateIsRequired") })
    .trim()
    // An empty field is missing, not badly written: say which field to fill, and nothing else.
    .min(1, { error: m("meeting.dateIsRequired"), abort: true })
    .regex(datePattern, { error: m("meeting.dateMustLookLike202603") }),
  expected: count("应到人数", meetingLimits.attendees, 1),
  present: count("实到人数", meetingLimits.attendees),
  topic: z
    .string({ error: m("meeting.topicIsRequired") })
    .trim()
    .min(1, { error: m("meeting.topicIsRequired") })
    .max(meetingLimits.topicChars, { error: m("meeting.topicTooLong", { topicChars: meetingLimits.topicChars }) }),
  solicitedOpinions: z.boolean({ error: m("meeting.mustBeTrueOrFalse") }),
  criticalOpinions: count("批评意见条数", meetingLimits.opinions),
  selfCriticisms: optionalCount("自我批评条数", meetingLimits.opinions),
  mutualCriticisms: optionalCount("相互批评条数", meetingLimits.opinions),
  rectificationItems: count("整改事项数", meetingLimits.rectificationItems),
  minutes: z.string({ error: m("meeting.minutesMustBeText") }).max(meetingLimits.minutesChars, {
    error: m("meeting.minutesAtMostCharacters", { minutesChars: meetingLimits.minutesChars }),
  }),
});

type Fields = z.infer<typeof meetingFieldsSchema>;

/** Rules across fields and against today's date; each issue lands on the field to correct. */
function checkMeeting(input: Fields, ctx: z.core.$RefinementCtx<Fields>, now = new Date()) {
  const issue = (path: keyof Fields, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
  if (!isCalendarDate(input.date)) issue("date", m("meeting.notAValidCalendarDate", { date: input.date }));
  else if (input.date < meetingLimits.earliestDate) issue("date", m("meeting.dateBefore2000"));
  else if (input.date > todayInChina(now)) issue("date", m("meeting.dateIsInTheFuture"));
  if (input.present > input.expected) issue("present", m("meeting.presentCannotExceedExpected"));
  const self = input.selfCriticisms ?? null;
  const mutual = input.mutualCriticisms ?? null;
  if (self !== null && mutual !== null && self + mutual !== input.criticalOpinions) {
    issue("criticalOpinions", m("meeting.mustEqualSelfMutualCriticisms", { total: self + mutual }));
  } else if ((self ?? 0) > input.criticalOpinions || (mutual ?? 0) > input.criticalOpinions) {
    issue("criticalOpinions", m("meeting.partExceedsTheTotal"));
  }
}

/** `meeting.create` input (DESIGN.md "API surface"); also what the Excel import validates rows with. */
export const meetingInputSchema = meetingFieldsSchema
  .extend({ unitId: chosenUnitIdSchema() })
  .superRefine((input, ctx) => checkMeeting(input, ctx));
export type MeetingInput = z.infer<typeof meetingInputSchema>;

const idSchema = rowIdSchema("会议编号", "id");
const versionSchema = z
  .number({ error: m("meeting.versionMustBeAnInteger") })
  .int()
  .min(1);

/** `meeting.update`: the whole record is replaced (omitted self/mutual breakdowns are cleared). */
export const updateMeetingSchema = meetingFieldsSchema
  .extend({ id: idSchema, version: versionSchema })
  .superRefine((input, ctx) => checkMeeting(input, ctx));
export type UpdateMeetingInput = z.infer<typeof updateMeetingSchema>;

export const deleteMeetingSchema = z.object({ id: idSchema, version: versionSchema });
export const meetingIdSchema = z.object({ id: idSchema });

export const listMeetingsSchema = z.object({
  unitId: unitIdSchema,
  from: quarterSchema,
  to: quarterSchema,
  type: z.enum(meetingTypes, { error: m("meeting.unknownMeetingType") }).optional(),
});

export const completionSchema = z.object({ unitId: unitIdSchema, quarter: quarterSchema });

export const flagsSchema = z.object({
  unitId: unitIdSchema,
  from: quarterSchema,
  to: quarterSchema,
  /** false: the unit's own meetings only (the meetings page); default: its whole subtree. */
  subtree: z.boolean().optional(),
});

/** `meeting.checkMinutes`: minutes being typed, checked for copying before they are saved. */
export const checkMinutesSchema = z.object({
  unitId: unitIdSchema,
  date: z
    .string({ error: m("meeting.dateIsRequired") })
    .trim()
    .min(1, { error: m("meeting.dateIsRequired"), abort: true })
    .regex(datePattern, { error: m("meeting.dateMustLookLike202603") })
    .refine(isCalendarDate, {
      error: m("meeting.dateNotValid"),
    }),
  minutes: meetingFieldsSchema.shape.minutes,
  /** The meeting being edited, which is not compared with itself. */
  meetingId: idSchema.optional(),
});
export type CheckMinutesInput = z.infer<typeof checkMinutesSchema>;

/** Flags per page of `meeting.flagsPage` unless asked otherwise, and the most one page holds. */
export const FLAGS_PAGE_SIZE = 50;
const FLAGS_PAGE_MAX = 200;

/** `meeting.flagsPage`: the flags of `meeting.flags`, one page at a time, optionally of one kind. */
export const flagsPageSchema = flagsSchema.extend({
  kind: z.enum(flagKinds, { error: m("flags.unknownKind") }).optional(),
  offset: z
    .number({ error: m("flags.offsetMustBeAWholeNumber") })
    .int({ error: m("flags.offsetMustBeAWholeNumber") })
    .min(0, { error: m("flags.offsetMustBeAWholeNumber") })
    .max(10_000_000, { error: m("flags.offsetMustBeAWholeNumber") })
    .default(0),
  limit: z
    .number({ error: m("flags.limitOutOfRange", { max: FLAGS_PAGE_MAX }) })
    .int({ error: m("flags.limitOutOfRange", { max: FLAGS_PAGE_MAX }) })
    .min(1, { error: m("flags.limitOutOfRange", { max: FLAGS_PAGE_MAX }) })
    .max(FLAGS_PAGE_MAX, { error: m("flags.limitOutOfRange", { max: FLAGS_PAGE_MAX }) })
    .default(FLAGS_PAGE_SIZE),
});
export type FlagsPageInput = z.infer<typeof flagsPageSchema>;
