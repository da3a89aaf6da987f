import type { MeetingType } from "~/lib/codes";
import { meetingQuality } from "~/lib/scoring/meeting-quality";
import { minutesFingerprint } from "~/lib/scoring/minutes-fingerprint";
import {
  completionRows,
  MIN_MEMBERS_FOR_COMMITTEE,
  quorumTypes,
  threeOneRate,
  type FrequencyRules,
  type HeldCount,
} from "~/server/services/meeting/completion-rules";
import { parseQuarter } from "~/lib/quarter";
import type { DemoUnit } from "~/scripts/seed/demo-tree";
import { mulberry32 } from "~/scripts/seed/history";
import { composeMinutes, copyMinutes, personName, topics, type Pick } from "~/scripts/seed/minutes-text";

/**
 * Plausible, deterministic meeting records for the demo tree (scripts/seed/index.ts). Most
 * branches hold their “三会一课” roughly on schedule; the 重业务轻党建 units (profile
 * `bizFirst`) hold fewer, with thin attendance, no criticism at 组织生活会, minutes copied
 * from an earlier meeting or from one another, and meetings crammed into the last days of
 * the quarter — so that every formalism flag shows up in the demo.
 */

export type DemoMeeting = {
  unitId: number;
  type: MeetingType;
  date: string;
  quarter: string;
  expected: number;
  present: number;
  topic: string;
  solicitedOpinions: boolean;
  criticalOpinions: number;
  selfCriticisms: number | null;
  mutualCriticisms: number | null;
  rectificationItems: number;
  minutes: string;
  minutesFingerprint: string;
  qualityScore: number;
};

type Draft = Omit<DemoMeeting, "quarter" | "minutesFingerprint" | "qualityScore">;

function makeRng(seed: number) {
  const next = mulberry32(seed);
  const pick: Pick = (items) => items[Math.floor(next() * items.length)]!;
  return { next, pick, chance: (p: number) => next() < p, int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)) };
}
type Rng = ReturnType<typeof makeRng>;

function hashName(s: string): number {
  let h = 0x9e3779b9;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

const pad = (n: number) => String(n).padStart(2, "0");
const ymd = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** The business words of a unit, from its name (市财政局预算科党支部 → 预算). */
function businessOf(name: string): string {
  const m = /局(.+?)(科|处|室)/.exec(name) ?? /(考试院|监督所|执法支队|信息中心|计量测试所|支付中心|发展中心)/.exec(name);
  if (m?.[1]) return m[1].replace(/^(机关|市)/, "");
  return name.includes("离退休") ? "离退休干部服务" : "业务";
}

/** How a unit of each profile behaves: probability to hold each meeting, attendance share, bunching. */
const behaviour = {
  normal: { hold: 0.93, attendance: [0.82, 1], bunch: 0, copy: 0, silentLife: 0, thin: 0.1 },
  strong: { hold: 0.99, attendance: [0.9, 1], bunch: 0, copy: 0, silentLife: 0, thin: 0 },
  weak: { hold: 0.72, attendance: [0.68, 0.95], bunch: 0.1, copy: 0, silentLife: 0.2, thin: 0.35 },
  bizFirst: { hold: 0.45, attendance: [0.4, 0.72], bunch: 0.65, copy: 0.4, silentLife: 1, thin: 0.6 },
} as const;

function draftsFor(unit: DemoUnit, quarters: string[], rng: Rng): Draft[] {
  const b = behaviour[unit.profile ?? "normal"];
  const isBranch = unit.type === "branch" || unit.type === "general_branch";
  const secretary = personName(rng.pick);
  const business = businessOf(unit.name);
  const out: Draft[] = [];

  const add = (type: MeetingType, date: string, expected: number) => {
    const life = type === "org_life" || type === "democratic_life";
    const share = b.attendance[0] + (b.attendance[1] - b.attendance[0]) * rng.next();
    const present = Math.max(1, Math.min(expected, Math.round(expected * share)));
    const silent = life && rng.chance(b.silentLife);
    const criticalOpinions = life ? (silent ? 0 : Math.round(present * (0.8 + rng.next() * 0.9))) : Math.round(present * rng.next() * 0.35);
    const selfCriticisms = life && criticalOpinions > 0 ? Math.round(criticalOpinions * 0.4) : null;
    const rectificationItems = life ? (silent ? rng.int(0, 1) : rng.int(2, 5)) : rng.int(0, 2);
    const solicitedOpinions = life ? !silent && rng.chance(0.92) : rng.chance(0.5);
    const thin = rng.chance(b.thin);
    const topic = rng.pick(topics[type]);
    const facts = {
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
      thin,
    };
    out.push({
      unitId: unit.id,
      type,
      date,
      expected,
      present,
      topic,
      solicitedOpinions,
      criticalOpinions,
      selfCriticisms,
      mutualCriticisms: selfCriticisms === null ? null : criticalOpinions - selfCriticisms,
      rectificationItems,
      minutes: composeMinutes(facts, rng.pick, rng.chance),
    });
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

    if (unit.type === "committee") {
      if (q === 4 && rng.chance(0.9)) add("democratic_life", ymd(year, 12, rng.int(10, 28)), Math.min(members, rng.int(7, 11)));
      continue;
    }
    if (!isBranch) continue;
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
    // A bunched quarter has at least three meetings: the catch-up is the point of the flag.
    while (bunched && out.length - before < 3)
      add(rng.pick(["group", "party_lecture", "branch_assembly"] as const), dayIn(lastMonth), members);
  }
  return out;
}

/**
 * Meetings of every unit over `quarters`, sorted by date. Copies among bizFirst units share
 * one “template” stream, as minutes downloaded from the same website would. `copies` says
 * which meeting copied which (indexes into `meetings`; the source always comes first), so the
 * seed can store the copied-minutes match of just those pairs.
 */
export function generateMeetings(
  units: DemoUnit[],
  quarters: string[],
): { meetings: DemoMeeting[]; copies: { copy: number; source: number }[] } {
  const drafts: Draft[] = [];
  for (const unit of units) drafts.push(...draftsFor(unit, quarters, makeRng(hashName(unit.name))));
  drafts.sort((a, b) => a.date.localeCompare(b.date) || a.unitId - b.unitId);

  const copier = makeRng(0x0c0b1e5);
  const names = new Map(units.map((u) => [u.id, u.name]));
  const bizFirst = new Set(units.filter((u) => u.profile === "bizFirst").map((u) => u.id));
  const earlier = new Map<string, Draft[]>(); // type → meetings with full minutes already written by bizFirst units
  const copiedFrom = new Map<Draft, Draft>();
  for (const d of drafts) {
    if (!bizFirst.has(d.unitId)) continue;
    const pool = earlier.get(d.type) ?? [];
    if (pool.length > 0 && copier.chance(behaviour.bizFirst.copy)) {
      const source = copier.pick(pool);
      d.minutes = copyMinutes(source.minutes, d.date, names.get(d.unitId)!);
      copiedFrom.set(d, source);
    } else if (d.minutes.length > 180) pool.push(d);
    earlier.set(d.type, pool);
  }

  const index = new Map(drafts.map((d, i) => [d, i]));
  const copies = [...copiedFrom].map(([copy, source]) => ({ copy: index.get(copy)!, source: index.get(source)! }));
  const meetings = drafts.map((d) => ({
    ...d,
    quarter: `${d.date.slice(0, 4)}Q${Math.floor((Number(d.date.slice(5, 7)) - 1) / 3) + 1}`,
    minutesFingerprint: minutesFingerprint(d.minutes),
    qualityScore: meetingQuality(d).total,
  }));
  return { meetings, copies };
}

/**
 * The two computed indicators (I1 三会一课完成率, I2 组织生活会/民主生活会质量评分) of each unit and
 * quarter, from the generated meetings with the default frequency rules, keyed `unitId:quarter`.
 * A missing entry value (null) means the report has no value for it.
 */
export function meetingIndicatorValues(units: DemoUnit[], quarters: string[], meetings: DemoMeeting[], rules: FrequencyRules) {
  const counts = new Map<number, HeldCount[]>();
  const life = new Map<string, number[]>();
  for (const m of meetings) {
    const list = counts.get(m.unitId) ?? [];
    const valid = !quorumTypes.includes(m.type) || m.present * 2 > m.expected ? 1 : 0;
    const row = list.find((c) => c.type === m.type && c.quarter === m.quarter);
    if (row) {
      row.recorded += 1;
      row.valid += valid;
    } else list.push({ type: m.type, quarter: m.quarter, recorded: 1, valid });
    counts.set(m.unitId, list);
    if (m.type === "org_life" || m.type === "democratic_life") {
      const key = `${m.unitId}:${m.quarter}`;
      life.set(key, [...(life.get(key) ?? []), m.qualityScore]);
    }
  }
  const out = new Map<string, { I1_three_one_rate: number | null; I2_life_meeting_quality: number | null }>();
  for (const unit of units) {
    for (const quarter of quarters) {
      const year = quarter.slice(0, 4);
      const held = (counts.get(unit.id) ?? []).filter((c) => c.quarter.startsWith(year) && c.quarter <= quarter);
      const scores = life.get(`${unit.id}:${quarter}`);
      out.set(`${unit.id}:${quarter}`, {
        I1_three_one_rate: threeOneRate(completionRows(unit, quarter, rules, held)),
        I2_life_meeting_quality: scores ? Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 10) / 10 : null,
      });
    }
  }
  return out;
}
