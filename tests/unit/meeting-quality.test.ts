import { describe, expect, it } from "vitest";
import { meetingQuality, qualityRubric, type MeetingFacts } from "~/lib/scoring/meeting-quality";

const perfectLife: MeetingFacts = {
  type: "org_life",
  expected: 10,
  present: 10,
  solicitedOpinions: true,
  criticalOpinions: 10, // 1 per participant
  rectificationItems: 3,
  minutes: "记".repeat(300),
};

describe("meetingQuality", () => {
  it("gives full marks to a meeting that reaches every target, and the parts add up to the rubric's 100", () => {
    const q = meetingQuality(perfectLife);
    expect(q).toEqual({ attendance: 30, preparation: 15, criticism: 25, rectification: 15, minutes: 15, total: 100 });
    const points = Object.values(qualityRubric).reduce((n, p) => n + p.points, 0);
    expect(points).toBe(100);
  });

  it("scores each part in proportion to how far it got", () => {
    const q = meetingQuality({
      ...perfectLife,
      present: 6,
      solicitedOpinions: false,
      criticalOpinions: 3,
      rectificationItems: 1,
      minutes: "记".repeat(100),
    });
    expect(q.attendance).toBeCloseTo(30 * 0.6);
    expect(q.preparation).toBe(0);
    expect(q.criticism).toBeCloseTo(25 * 0.5); // 3 opinions / 6 present, target 1 each
    expect(q.rectification).toBeCloseTo(5);
    expect(q.minutes).toBeCloseTo(5);
    expect(q.total).toBe(40.5); // 18 + 0 + 12.5 + 5 + 5
  });

  it("caps every part at its points (more is not better than the target)", () => {
    const q = meetingQuality({ ...perfectLife, criticalOpinions: 50, rectificationItems: 20, minutes: "记".repeat(5000) });
    expect(q).toMatchObject({ criticism: 25, rectification: 15, minutes: 15, total: 100 });
  });

  it("asks more criticism and rectification of life meetings than of other meetings", () => {
    const facts = { ...perfectLife, criticalOpinions: 2, rectificationItems: 1 };
    const life = meetingQuality(facts);
    const group = meetingQuality({ ...facts, type: "group" });
    expect(life.criticism).toBeCloseTo(25 * 0.2); // 0.2 per participant of a target of 1
    expect(group.criticism).toBe(25); // target 0.2 per participant
    expect(life.rectification).toBeCloseTo(5); // 1 of 3
    expect(group.rectification).toBe(15); // 1 of 1
    expect(meetingQuality({ ...facts, type: "member_review" }).criticism).toBeCloseTo(life.criticism);
  });

  it("gives zero for criticism at a meeting nobody attended, and counts minutes without whitespace", () => {
    expect(meetingQuality({ ...perfectLife, present: 0 }).criticism).toBe(0);
    expect(meetingQuality({ ...perfectLife, minutes: " \n\t".repeat(300) }).minutes).toBe(0);
  });

  it("rounds the total to one decimal", () => {
    const { total } = meetingQuality({ ...perfectLife, present: 7, expected: 9 });
    expect(Math.round(total * 10)).toBe(total * 10);
  });
});
