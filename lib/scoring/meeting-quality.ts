import type { MeetingType } from "~/lib/codes";

/** The facts of a meeting the quality score looks at. */
export type MeetingFacts = {
  type: MeetingType;
  expected: number;
  present: number;
  solicitedOpinions: boolean;
  criticalOpinions: number;
  rectificationItems: number;
  minutes: string;
};

/** Meetings where criticism and self-criticism are the point (组织生活会 / 民主生活会 / 民主评议). */
export const lifeMeetings: readonly MeetingType[] = ["org_life", "democratic_life", "member_review"];

/**
 * The rubric shown to users (会议质量评分细则): five parts adding up to 100. Each part scores
 * its share of points in proportion to how far the meeting reached the part's target.
 */
export const qualityRubric = {
  attendance: { points: 30 }, // 出勤: present / expected
  preparation: { points: 15 }, // 会前准备: opinions solicited beforehand (征求意见、谈心谈话)
  criticism: { points: 25, perParticipant: { life: 1, other: 0.2 } }, // 批评意见 per participant
  rectification: { points: 15, target: { life: 3, other: 1 } }, // 整改事项
  minutes: { points: 15, targetChars: 300 }, // 会议记录 substance: characters of minutes
} as const;

export type QualityBreakdown = Record<keyof typeof qualityRubric, number> & { total: number };

const share = (value: number, target: number) => (target <= 0 ? 1 : Math.max(0, Math.min(1, value / target)));

/** The 0–100 quality score of one meeting with its parts (DESIGN.md "Meetings"). */
export function meetingQuality(m: MeetingFacts): QualityBreakdown {
  const life = lifeMeetings.includes(m.type);
  const r = qualityRubric;
  const parts = {
    attendance: r.attendance.points * share(m.present, m.expected),
    preparation: m.solicitedOpinions ? r.preparation.points : 0,
    criticism:
      r.criticism.points *
      share(m.present > 0 ? m.criticalOpinions / m.present : 0, life ? r.criticism.perParticipant.life : r.criticism.perParticipant.other),
    rectification: r.rectification.points * share(m.rectificationItems, life ? r.rectification.target.life : r.rectification.target.other),
    minutes: r.minutes.points * share(m.minutes.replace(/\s+/g, "").length, r.minutes.targetChars),
  };
  const total = Math.round(Object.values(parts).reduce((a, b) => a + b, 0) * 10) / 10;
  return { ...parts, total };
}
