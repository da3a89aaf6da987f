import type { MeetingType } from "~/lib/codes";
import { meetingQuality } from "~/lib/scoring/meeting-quality";
import { minutesCopyColumns } from "~/lib/text-similarity";
import { completionRows, quorumTypes, threeOneRate, type FrequencyRules, type HeldCount } from "~/server/services/meeting/completion-rules";
import { drawAttendance, meetingBehaviour, quarterOfDate, scheduleMeetings } from "~/scripts/seed/meeting-schedule";
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
  copyBands: number[];
  qualityScore: number;
};

type Draft = Omit<DemoMeeting, "quarter" | "minutesFingerprint" | "copyBands" | "qualityScore">;

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

/** The business words of a unit, from its name (市财政局预算科党支部 → 预算). */
export function businessOf(name: string): string {
  const m = /局(.+?)(科|处|室)/.exec(name) ?? /(考试院|监督所|执法支队|信息中心|计量测试所|支付中心|发展中心)/.exec(name);
  if (m?.[1]) return m[1].replace(/^(机关|市)/, "");
  return name.includes("离退休") ? "离退休干部服务" : "业务";
}

/** The secretary who chairs a unit's demo meetings (the minutes name them): the first draw of the unit's stream. */
export const minutesSecretaryOf = (unitName: string): string => personName(makeRng(hashName(unitName)).pick);

function draftsFor(unit: DemoUnit, quarters: string[], rng: Rng): Draft[] {
  const b = meetingBehaviour[unit.profile ?? "normal"];
  const secretary = personName(rng.pick); // = minutesSecretaryOf(unit.name)
  const business = businessOf(unit.name);
  const out: Draft[] = [];

  const add = (type: MeetingType, date: string, expected: number) => {
    const drawn = drawAttendance(rng, b, type, expected);
    const thin = rng.chance(b.thin);
    const topic = rng.pick(topics[type]);
    const facts = { type, date, topic, unitName: unit.name, secretary, expected, business, thin, ...drawn };
    out.push({
      unitId: unit.id,
      type,
      date,
      expected,
      topic,
      ...drawn,
      minutes: composeMinutes(facts, rng.pick, rng.chance),
    });
  };

  scheduleMeetings(unit, quarters, rng, b, add, () => out.length);
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
    if (pool.length > 0 && copier.chance(meetingBehaviour.bizFirst.copy)) {
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
    quarter: quarterOfDate(d.date),
    ...minutesCopyColumns(d.minutes),
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
