import type { MeetingType } from "~/lib/codes";
import { meetingQuality } from "~/lib/scoring/meeting-quality";
import { minutesFingerprint } from "~/lib/scoring/minutes-fingerprint";
import { MIN_MEMBERS_FOR_COMMITTEE } from "~/server/services/meeting/completion-rules";
import { parseQuarter } from "~/lib/quarter";
import type { DemoMeeting } from "~/scripts/seed/meetings";
import { composeMinutes, copyMinutes, personName, topics } from "~/scripts/seed/minutes-text";
import { makeRng, unitSeed, type Rng } from "~/scripts/seed/scale/rng";
import type { ScaleUnit } from "~/scripts/seed/scale/tree";

/**
 * Meeting records of one unit for the scale seed: “三会一课” of 党支部 and 党总支 (and the
 * year's 组织生活会 / 民主评议 in Q4), 民主生活会 of 党委, with short minutes composed by the
 * demo's text generator and scored with the app's own functions (quality, fingerprint).
 * 重业务轻党建 units hold fewer, thinner, bunched meetings and copy their own earlier minutes;
 * `copiedFromId` names the source, and the seed keeps it only if pg_trgm agrees.
 */

export type ScaleMeeting = DemoMeeting & { id: number; copiedFromId: number | null };

const behaviour = {
  normal: { hold: 0.93, attendance: [0.82, 1], bunch: 0, copy: 0, silentLife: 0 },
  strong: { hold: 0.99, attendance: [0.9, 1], bunch: 0, copy: 0, silentLife: 0 },
  weak: { hold: 0.72, attendance: [0.68, 0.95], bunch: 0.1, copy: 0, silentLife: 0.2 },
  bizFirst: { hold: 0.45, attendance: [0.4, 0.72], bunch: 0.65, copy: 0.4, silentLife: 1 },
} as const;

const pad = (n: number) => String(n).padStart(2, "0");
const ymd = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
/** The unit's line of business from its department (市财政局… → 财政). */
const businessOf = (name: string) =>
  name.startsWith("中共") ? "机关党建" : (/^市?(.+?)(局|委|馆|中心|社|会|联)/.exec(name)?.[1] ?? "业务");

export function unitMeetings(unit: ScaleUnit, quarters: readonly string[], nextId: () => number): ScaleMeeting[] {
  const isBranch = unit.type === "branch" || unit.type === "general_branch";
  if (!isBranch && unit.type !== "committee") return [];
  const rng: Rng = makeRng(unitSeed(unit.id, 0x3ee7));
  const b = behaviour[unit.profile ?? "normal"];
  const secretary = personName(rng.pick);
  const business = businessOf(unit.name);
  const out: ScaleMeeting[] = [];
  const lastOfType = new Map<MeetingType, ScaleMeeting>();

  const add = (type: MeetingType, date: string, expected: number) => {
    const life = type === "org_life" || type === "democratic_life";
    const share = b.attendance[0] + (b.attendance[1] - b.attendance[0]) * rng.next();
    const present = Math.max(1, Math.min(expected, Math.round(expected * share)));
    const silent = life && rng.chance(b.silentLife);
    const criticalOpinions = life ? (silent ? 0 : Math.round(present * (0.8 + rng.next() * 0.9))) : Math.round(present * rng.next() * 0.35);
    const selfCriticisms = life && criticalOpinions > 0 ? Math.round(criticalOpinions * 0.4) : null;
    const rectificationItems = life ? (silent ? rng.int(0, 1) : rng.int(2, 5)) : rng.int(0, 2);
    const solicitedOpinions = life ? !silent && rng.chance(0.92) : rng.chance(0.5);
    const topic = rng.pick(topics[type]);
    const source = lastOfType.get(type);
    const copied = source !== undefined && rng.chance(b.copy);
    const minutes = copied
      ? copyMinutes(source.minutes, date, unit.name)
      : composeMinutes(
          {
            type,
            date,
            topic,
            unitName: unit.name,
            secretary,
            expected,
            present,
            criticalOpinions,
            rectificationItems,
            solicitedOpinions,
            business,
            thin: true,
          },
          rng.pick,
          rng.chance,
        );
    const facts = { type, expected, present, solicitedOpinions, criticalOpinions, rectificationItems, minutes };
    const meeting: ScaleMeeting = {
      id: nextId(),
      unitId: unit.id,
      ...facts,
      date,
      quarter: `${date.slice(0, 4)}Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`,
      topic,
      selfCriticisms,
      mutualCriticisms: selfCriticisms === null ? null : criticalOpinions - selfCriticisms,
      minutesFingerprint: minutesFingerprint(minutes),
      qualityScore: meetingQuality(facts).total,
      copiedFromId: copied ? source.id : null,
    };
    out.push(meeting);
    if (!copied) lastOfType.set(type, meeting);
  };

  const members = Math.max(3, unit.memberCount);
  const committeeSize = members >= 15 ? 5 : 3;
  const groupSize = Math.ceil(members / Math.ceil(members / 9));
  for (const quarter of quarters) {
    const { year, q } = parseQuarter(quarter)!;
    const months = [1, 2, 3].map((i) => (q - 1) * 3 + i);
    const lastMonth = months[2]!;
    const lastDay = daysIn(year, lastMonth);
    const bunched = rng.chance(b.bunch);
    // Bunched: everything dated in the last 10 days of the quarter (季末突击补课).
    const dayIn = (m: number) =>
      bunched ? ymd(year, lastMonth, rng.int(lastDay - 9, lastDay)) : ymd(year, m, rng.int(3, daysIn(year, m) - 2));
    if (!isBranch) {
      if (q === 4 && rng.chance(0.9)) add("democratic_life", ymd(year, 12, rng.int(10, 28)), Math.min(members, rng.int(7, 11)));
      continue;
    }
    const before = out.length;
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
    while (bunched && out.length - before < 3)
      add(rng.pick(["group", "party_lecture", "branch_assembly"] as const), dayIn(lastMonth), members);
  }
  return out.sort((a, b) => a.date.localeCompare(b.date));
}
