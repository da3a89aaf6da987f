import "server-only";
import { z } from "~/server/lib/zod";

/** Required meeting frequency (DESIGN.md "Meetings"): at least `min` per `per`. */
const frequencyRule = z.object({
  min: z.number().int().min(0).max(99),
  per: z.enum(["month", "quarter", "year"]),
});

/**
 * Every admin setting: its schema and default. A key missing from the `settings` table
 * reads as its default.
 */
export const settingDefinitions = {
  /** Days after quarter end by which reports are due (报送截止天数). */
  reportDeadlineDays: { schema: z.number().int().min(0).max(120), default: 15 },
  /** Meeting frequency rules (三会一课等频次要求), editable: not constants. */
  meetingFrequencies: {
    schema: z.object({
      branch_assembly: frequencyRule, // 支部党员大会
      committee: frequencyRule, // 支部委员会会议
      group: frequencyRule, // 党小组会
      party_lecture: frequencyRule, // 党课
      org_life: frequencyRule, // 组织生活会
      democratic_life: frequencyRule, // 民主生活会
      member_review: frequencyRule, // 民主评议党员
    }),
    default: {
      branch_assembly: { min: 1, per: "quarter" },
      committee: { min: 1, per: "month" },
      group: { min: 1, per: "month" },
      party_lecture: { min: 1, per: "quarter" },
      org_life: { min: 1, per: "year" },
      democratic_life: { min: 1, per: "year" },
      member_review: { min: 1, per: "year" },
    },
  },
  /**
   * Where the 重业务轻党建 quadrant divides (lib/scoring/quadrant-cutoff.ts): the means of
   * the units compared, or fixed business / Party-building thresholds set by the admin.
   */
  quadrantCutoff: {
    schema: z.discriminatedUnion("mode", [
      z.object({ mode: z.literal("mean") }),
      z.object({ mode: z.literal("fixed"), business: z.number().min(0).max(100), party: z.number().min(0).max(100) }),
    ]),
    default: { mode: "mean" },
  },
} as const;

export type SettingKey = keyof typeof settingDefinitions;
export type SettingValue<K extends SettingKey> = z.infer<(typeof settingDefinitions)[K]["schema"]>;
