import type { Grade, ReviewDecision, ReviewMeetingStatus } from "~/lib/codes";

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

/** Badge tones of the grades a 述职评议会 proposes: 好 green, 较好 blue, 一般 neutral, 差 amber. */
export const gradeTone: Record<Grade, "neutral" | "info" | "success" | "warning"> = {
  good: "success",
  fairly_good: "info",
  average: "neutral",
  poor: "warning",
};

/** Keyboard shortcuts of the grades on a 述职评议会 slide (1–4, best first). */
export const gradeKeys: Record<string, Grade> = { "1": "good", "2": "fairly_good", "3": "average", "4": "poor" };
