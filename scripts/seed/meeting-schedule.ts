import type { MeetingType, UnitType } from "~/lib/codes";
import { parseQuarter } from "~/lib/quarter";
import { MIN_MEMBERS_FOR_COMMITTEE } from "~/server/services/meeting/completion-rules";

/**
 * When and how a generated unit holds its meetings — shared by the demo seed (scripts/seed/
 * meetings.ts) and the scale generator (scripts/seed/scale/meetings.ts), which differ only in
 * how they write each meeting's minutes. Every draw comes from the caller's seeded stream, in a
 * fixed order, so the data stays deterministic.
 */

/** The few draws the schedule needs from a seeded random stream. */
export type ScheduleRng = {
  next: () => number;
  int: (lo: number, hi: number) => number;
  chance: (p: number) => boolean;
  pick: <T>(items: readonly T[]) => T;
};

/** How a unit of each profile behaves: probability to hold each meeting, attendance share, bunching, copying. */
export const meetingBehaviour = {
  normal: { hold: 0.93, attendance: [0.82, 1], bunch: 0, copy: 0, silentLife: 0, thin: 0.1 },
  strong: { hold: 0.99, attendance: [0.9, 1], bunch: 0, copy: 0, silentLife: 0, thin: 0 },
  weak: { hold: 0.72, attendance: [0.68, 0.95], bunch: 0.1, copy: 0, silentLife: 0.2, thin: 0.35 },
  bizFirst: { hold: 0.45, attendance: [0.4, 0.72], bunch: 0.65, copy: 0.4, silentLife: 1, thin: 0.6 },
} as const;
export type MeetingBehaviour = (typeof meetingBehaviour)[keyof typeof meetingBehaviour];

const pad = (n: number) => String(n).padStart(2, "0");
export const ymd = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** The quarter code of a `YYYY-MM-DD` date. */
export const quarterOfDate = (date: string) => `${date.slice(0, 4)}Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;

/** Who came and what was said at one meeting: attendance share, criticism at 组织生活会/民主生活会, opinions. */
export function drawAttendance(rng: ScheduleRng, b: MeetingBehaviour, type: MeetingType, expected: number) {
  const life = type === "org_life" || type === "democratic_life";
  const share = b.attendance[0] + (b.attendance[1] - b.attendance[0]) * rng.next();
  const present = Math.max(1, Math.min(expected, Math.round(expected * share)));
  const silent = life && rng.chance(b.silentLife);
  const criticalOpinions = life ? (silent ? 0 : Math.round(present * (0.8 + rng.next() * 0.9))) : Math.round(present * rng.next() * 0.35);
  const selfCriticisms = life && criticalOpinions > 0 ? Math.round(criticalOpinions * 0.4) : null;
  const rectificationItems = life ? (silent ? rng.int(0, 1) : rng.int(2, 5)) : rng.int(0, 2);
  const solicitedOpinions = life ? !silent && rng.chance(0.92) : rng.chance(0.5);
  return {
    present,
    criticalOpinions,
    selfCriticisms,
    mutualCriticisms: selfCriticisms === null ? null : criticalOpinions - selfCriticisms,
    rectificationItems,
    solicitedOpinions,
  };
}

/**
 * Calls `add(type, date, expected)` for every meeting the unit holds over `quarters`: “三会一课”
 * of 党支部 and 党总支 (with the year's 组织生活会 and 民主评议 in Q4), 民主生活会 of a 党委. A
 * bunched quarter puts everything in its last ten days (季末突击补课), at least three meetings.
 * `held()` is how many meetings were added so far.
 */
export function scheduleMeetings(
  unit: { type: UnitType; memberCount: number },
  quarters: readonly string[],
  rng: ScheduleRng,
  b: MeetingBehaviour,
  add: (type: MeetingType, date: string, expected: number) => void,
  held: () => number,
): void {
  const isBranch = unit.type === "branch" || unit.type === "general_branch";
  const members = Math.max(3, unit.memberCount);
  const committeeSize = members >= 15 ? 5 : 3;
  const groupSize = Math.ceil(members / Math.ceil(members / 9));
  for (const quarter of quarters) {
    const { year, q } = parseQuarter(quarter)!;
    const months = [1, 2, 3].map((i) => (q - 1) * 3 + i);
    const lastMonth = months[2]!;
    const lastDay = daysIn(year, lastMonth);
    const bunched = rng.chance(b.bunch);
    const dayIn = (m: number) =>
      bunched ? ymd(year, lastMonth, rng.int(lastDay - 9, lastDay)) : ymd(year, m, rng.int(3, daysIn(year, m) - 2));

    if (unit.type === "committee") {
      if (q === 4 && rng.chance(0.9)) add("democratic_life", ymd(year, 12, rng.int(10, 28)), Math.min(members, rng.int(7, 11)));
      continue;
    }
    if (!isBranch) continue;
    const before = held();
    for (const m of months) {
      if (unit.memberCount >= MIN_MEMBERS_FOR_COMMITTEE && rng.chance(b.hold)) add("committee", dayIn(m), committeeSize);
      if (rng.chance(b.hold)) add("group", dayIn(m), groupSize);
    }
    if (rng.chance(Math.min(1, b.hold + 0.05))) add("branch_assembly", dayIn(rng.pick(months)), members);
    if (rng.chance(b.hold)) add("party_lecture", dayIn(rng.pick(months)), members);
    if (q === 4 && rng.chance(Math.min(1, b.hold + 0.3))) {
      const date = bunched ? dayIn(lastMonth) : ymd(year, rng.pick([11, 12]), rng.int(5, 25));
      add("org_life", date, members);
      if (rng.chance(0.85)) add("member_review", date, members);
    }
    // A bunched quarter has at least three meetings: the catch-up is the point of the flag.
    while (bunched && held() - before < 3) add(rng.pick(["group", "party_lecture", "branch_assembly"] as const), dayIn(lastMonth), members);
  }
}
