import type { ReviewDecision, ReviewMeetingStatus } from "~/lib/codes";

/** Badge tones of the meeting states: planned neutral, in session blue, closed green. */
export const meetingTone: Record<ReviewMeetingStatus, "neutral" | "info" | "success"> = {
  planned: "neutral",
  running: "info",
  closed: "success",
};

/** Badge tones of the decisions: the heavier the decision, the stronger the tone. */
export const decisionTone: Record<ReviewDecision, "neutral" | "info" | "success" | "warning"> = {
  no_action: "neutral",
  talk: "info",
  supervise: "warning",
  case: "warning",
};

/** Keyboard shortcuts of the decisions on a slide (1–4). */
export const decisionKeys: Record<string, ReviewDecision> = { "1": "no_action", "2": "talk", "3": "supervise", "4": "case" };
