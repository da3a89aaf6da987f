import type { MeetingType } from "~/lib/codes";
import { meetingQuality } from "~/lib/scoring/meeting-quality";
import { fingerprintSimilarity, isCopied, minutesCopyColumns } from "~/lib/text-similarity";
import { flagRules } from "~/server/services/meeting/flags";
import { drawAttendance, meetingBehaviour, quarterOfDate, scheduleMeetings } from "~/scripts/seed/meeting-schedule";
import type { DemoMeeting } from "~/scripts/seed/meetings";
import { composeMinutes, copyMinutes, personName, topics } from "~/scripts/seed/minutes-text";
import { makeRng, unitSeed, type Rng } from "~/scripts/seed/scale/rng";
import type { ScaleUnit } from "~/scripts/seed/scale/tree";

/**
 * Meeting records of one unit for the scale seed: “三会一课” of 党支部 and 党总支 (and the
 * year's 组织生活会 / 民主评议 in Q4), 民主生活会 of 党委, with short minutes composed by the
 * demo's text generator and scored with the app's own functions (quality, fingerprint).
 * 重业务轻党建 units hold fewer, thinner, bunched meetings and copy their own earlier minutes;
 * `copiedFromId` names the source, kept only where the app's copy detection (lib/text-similarity)
 * sees a copy.
 */

export type ScaleMeeting = DemoMeeting & { id: number; copiedFromId: number | null; copiedSimilarity: number | null };

/** The unit's line of business from its department (市财政局… → 财政). */
const businessOf = (name: string) =>
  name.startsWith("中共") ? "机关党建" : (/^市?(.+?)(局|委|馆|中心|社|会|联)/.exec(name)?.[1] ?? "业务");

export function unitMeetings(unit: ScaleUnit, quarters: readonly string[], nextId: () => number): ScaleMeeting[] {
  if (unit.type !== "branch" && unit.type !== "general_branch" && unit.type !== "committee") return [];
  const rng: Rng = makeRng(unitSeed(unit.id, 0x3ee7));
  const b = meetingBehaviour[unit.profile ?? "normal"];
  const secretary = personName(rng.pick);
  const business = businessOf(unit.name);
  const out: ScaleMeeting[] = [];
  const lastOfType = new Map<MeetingType, ScaleMeeting>();

  const add = (type: MeetingType, date: string, expected: number) => {
    const drawn = drawAttendance(rng, b, type, expected);
    const { present, criticalOpinions, rectificationItems, solicitedOpinions } = drawn;
    const topic = rng.pick(topics[type]);
    const source = lastOfType.get(type);
    const copied = source !== undefined && rng.chance(b.copy);
    const minutes = copied
      ? copyMinutes(source.minutes, date, unit.name)
      : composeMinutes(
          { type, date, topic, unitName: unit.name, secretary, expected, business, thin: true, ...drawn },
          rng.pick,
          rng.chance,
        );
    const facts = { type, expected, present, solicitedOpinions, criticalOpinions, rectificationItems, minutes };
    const copy = minutesCopyColumns(minutes);
    const similarity = copied ? fingerprintSimilarity(copy.minutesFingerprint, source.minutesFingerprint) : 0;
    const kept =
      copied && isCopied(similarity) && minutes.length >= flagRules.minMinutesChars && source.minutes.length >= flagRules.minMinutesChars;
    const meeting: ScaleMeeting = {
      id: nextId(),
      unitId: unit.id,
      ...drawn,
      ...facts,
      date,
      quarter: quarterOfDate(date),
      topic,
      ...copy,
      qualityScore: meetingQuality(facts).total,
      copiedFromId: kept ? source.id : null,
      copiedSimilarity: kept ? similarity : null,
    };
    out.push(meeting);
    if (!copied) lastOfType.set(type, meeting);
  };

  scheduleMeetings(unit, quarters, rng, b, add, () => out.length);
  return out.sort((a, b) => a.date.localeCompare(b.date));
}
