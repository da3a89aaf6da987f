import { meetingTypes } from "~/lib/codes";
import { z } from "~/server/lib/zod";
import { idSchema as rowIdSchema, quarterSchema, unitIdSchema } from "~/lib/schemas";
import { chosenUnitIdSchema } from "~/server/services/unit/schemas-picker";

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
export function todayInChina(now = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(now);
}

/** The quarter of a YYYY-MM-DD date, read from the text itself so no time zone can shift it. */
export function quarterOfDate(date: string): string {
  const [y, m] = date.split("-").map(Number) as [number, number];
  return `${y}Q${Math.floor((m - 1) / 3) + 1}`;
}

const count = (what: string, max: number, min = 0) =>
  z
    .number({ error: `${what}须为整数（must be a whole number）` })
    .int({ error: `${what}须为整数（must be a whole number）` })
    .min(min, { error: min === 0 ? `${what}不能为负数（cannot be negative）` : `${what}至少为 ${min}（at least ${min}）` })
    .max(max, { error: `${what}不能超过 ${max}（at most ${max}）` });

const optionalCount = (what: string, max: number) => count(what, max).nullable().optional();

/** The fields of a meeting record (without its unit or identity). */
export const meetingFieldsSchema = z.object({
  type: z.enum(meetingTypes, {
    error: "请选择会议类型：支部党员大会、支委会、党小组会、党课、组织生活会、民主生活会或民主评议党员（choose a meeting type）",
  }),
  date: z
    .string({ error: "请填写会议日期，格式 YYYY-MM-DD（date is required）" })
    .trim()
    .regex(datePattern, { error: "会议日期格式应为 YYYY-MM-DD，如 2026-03-15（date must look like 2026-03-15）" }),
  expected: count("应到人数", meetingLimits.attendees, 1),
  present: count("实到人数", meetingLimits.attendees),
  topic: z
    .string({ error: "请填写会议主题（topic is required）" })
    .trim()
    .min(1, { error: "请填写会议主题（topic is required）" })
    .max(meetingLimits.topicChars, { error: `会议主题不能超过 ${meetingLimits.topicChars} 字（topic too long）` }),
  solicitedOpinions: z.boolean({ error: "会前是否征求意见须为是或否（must be true or false）" }),
  criticalOpinions: count("批评意见条数", meetingLimits.opinions),
  selfCriticisms: optionalCount("自我批评条数", meetingLimits.opinions),
  mutualCriticisms: optionalCount("相互批评条数", meetingLimits.opinions),
  rectificationItems: count("整改事项数", meetingLimits.rectificationItems),
  minutes: z.string({ error: "会议记录须为文本（minutes must be text）" }).max(meetingLimits.minutesChars, {
    error: `会议记录不能超过 ${meetingLimits.minutesChars} 字（minutes at most ${meetingLimits.minutesChars} characters）`,
  }),
});

type Fields = z.infer<typeof meetingFieldsSchema>;

/** Rules across fields and against today's date; each issue lands on the field to correct. */
function checkMeeting(m: Fields, ctx: z.core.$RefinementCtx<Fields>, now = new Date()) {
  const issue = (path: keyof Fields, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
  if (!isCalendarDate(m.date)) issue("date", `会议日期 ${m.date} 不是有效日期（not a valid calendar date）`);
  else if (m.date < meetingLimits.earliestDate) issue("date", "会议日期不能早于 2000 年（date before 2000）");
  else if (m.date > todayInChina(now)) issue("date", "会议日期不能晚于今天（date is in the future）");
  if (m.present > m.expected) issue("present", "实到人数不能多于应到人数（present cannot exceed expected）");
  const self = m.selfCriticisms ?? null;
  const mutual = m.mutualCriticisms ?? null;
  if (self !== null && mutual !== null && self + mutual !== m.criticalOpinions) {
    issue("criticalOpinions", `批评意见条数应等于自我批评与相互批评之和 ${self + mutual}（must equal self + mutual criticisms）`);
  } else if ((self ?? 0) > m.criticalOpinions || (mutual ?? 0) > m.criticalOpinions) {
    issue("criticalOpinions", "自我批评或相互批评条数不能多于批评意见总数（part exceeds the total）");
  }
}

/** `meeting.create` input (DESIGN.md "API surface"); also what the Excel import validates rows with. */
export const meetingInputSchema = meetingFieldsSchema
  .extend({ unitId: chosenUnitIdSchema() })
  .superRefine((m, ctx) => checkMeeting(m, ctx));
export type MeetingInput = z.infer<typeof meetingInputSchema>;

const idSchema = rowIdSchema("会议编号", "id");
const versionSchema = z.number({ error: "版本号须为整数（version must be an integer）" }).int().min(1);

/** `meeting.update`: the whole record is replaced (omitted self/mutual breakdowns are cleared). */
export const updateMeetingSchema = meetingFieldsSchema
  .extend({ id: idSchema, version: versionSchema })
  .superRefine((m, ctx) => checkMeeting(m, ctx));
export type UpdateMeetingInput = z.infer<typeof updateMeetingSchema>;

export const deleteMeetingSchema = z.object({ id: idSchema, version: versionSchema });
export const meetingIdSchema = z.object({ id: idSchema });

export const listMeetingsSchema = z.object({
  unitId: unitIdSchema,
  from: quarterSchema,
  to: quarterSchema,
  type: z.enum(meetingTypes, { error: "会议类型无效（unknown meeting type）" }).optional(),
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
    .string()
    .trim()
    .regex(datePattern, { error: "会议日期格式应为 YYYY-MM-DD，如 2026-03-15（date must look like 2026-03-15）" })
    .refine(isCalendarDate, {
      error: "会议日期不是有效日期（not a valid calendar date）",
    }),
  minutes: meetingFieldsSchema.shape.minutes,
  /** The meeting being edited, which is not compared with itself. */
  meetingId: idSchema.optional(),
});
export type CheckMinutesInput = z.infer<typeof checkMinutesSchema>;
