import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { meetingTypes, threeMeetingsOneLecture, type MeetingType, type UnitType } from "~/lib/codes";

/**
 * Pure rules of meeting completion (DESIGN.md "Meetings"), kept apart from the query so they
 * can be read and tested on their own.
 *
 * - per month → 3 × min in a quarter; per quarter → min.
 * - per year → counted over the calendar year up to the quarter's end and expected only in
 *   Q4: a yearly meeting held in March satisfies the year, and a unit is not "behind" on it
 *   until the year is over.
 */

export type FrequencyRule = { min: number; per: "month" | "quarter" | "year" };
export type FrequencyRules = Record<MeetingType, FrequencyRule>;

/** 支部委员会 exists only in branches with at least 7 full members (中国共产党支部工作条例). */
export const MIN_MEMBERS_FOR_COMMITTEE = 7;

/** Meetings that count only when more than half of those expected were present. */
export const quorumTypes: readonly MeetingType[] = ["committee", "branch_assembly"];

/** Whether the meeting `m` (an alias of meetings) counts as held: the quorum rule above, in SQL. */
export const heldMeetingSql = (m: string): SQL =>
  sql`(${sql.identifier(m)}.type not in (${sql.join(
    quorumTypes.map((t) => sql`${t}`),
    sql`, `,
  )}) or ${sql.identifier(m)}.present * 2 > ${sql.identifier(m)}.expected)`;

/** Whether the unit `u` (an alias of units) has members enough for a 支部委员会, in SQL. */
export const largeUnitSql = (u: string): SQL => sql`${sql.identifier(u)}.member_count >= ${MIN_MEMBERS_FOR_COMMITTEE}::int`;

const branchTypes: readonly MeetingType[] = [...threeMeetingsOneLecture, "org_life", "member_review"];

/** Whether a unit of this kind is expected to hold this type of meeting at all. */
export function isRequiredOf(unit: { type: UnitType; memberCount: number }, type: MeetingType): boolean {
  if (unit.type === "branch" || unit.type === "general_branch") {
    if (type === "committee" && unit.memberCount < MIN_MEMBERS_FOR_COMMITTEE) return false;
    return branchTypes.includes(type);
  }
  if (unit.type === "committee") return type === "democratic_life"; // 领导班子民主生活会
  return false;
}

export type CompletionStatus = "met" | "short" | "not_required";

export type CompletionRow = {
  type: MeetingType;
  rule: FrequencyRule;
  /** Where `held` was counted: this quarter, or the calendar year so far (yearly rules). */
  window: "quarter" | "year";
  expected: number;
  /** Meetings that count (支委会 / 党员大会 only with more than half present). */
  held: number;
  /** All meetings recorded in the window, valid or not. */
  recorded: number;
  status: CompletionStatus;
};

export type HeldCount = { type: MeetingType; quarter: string; recorded: number; valid: number };

export function completionRows(
  unit: { type: UnitType; memberCount: number },
  quarter: string,
  rules: FrequencyRules,
  counts: HeldCount[],
): CompletionRow[] {
  const q4 = quarter.endsWith("Q4");
  return meetingTypes.map((type) => {
    const rule = rules[type];
    const window = rule.per === "year" ? "year" : "quarter";
    // `counts` covers the calendar year up to `quarter`; quarterly windows keep this quarter only.
    const inWindow = counts.filter((c) => c.type === type && (window === "year" || c.quarter === quarter));
    const held = inWindow.reduce((n, c) => n + c.valid, 0);
    const recorded = inWindow.reduce((n, c) => n + c.recorded, 0);
    let expected = 0;
    if (isRequiredOf(unit, type)) {
      if (rule.per === "month") expected = 3 * rule.min;
      else if (rule.per === "quarter") expected = rule.min;
      else expected = q4 ? rule.min : 0;
    }
    const status: CompletionStatus = expected === 0 ? "not_required" : held >= expected ? "met" : "short";
    return { type, rule, window, expected, held, recorded, status };
  });
}

/** 三会一课完成率 = Σ min(held, expected) / Σ expected × 100 over the four types; null when none is expected. */
export function threeOneRate(rows: CompletionRow[]): number | null {
  let expected = 0;
  let met = 0;
  for (const r of rows) {
    if (!threeMeetingsOneLecture.includes(r.type)) continue;
    expected += r.expected;
    met += Math.min(r.held, r.expected);
  }
  return expected === 0 ? null : Math.round((met / expected) * 1000) / 10;
}
