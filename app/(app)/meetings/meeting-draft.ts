import { meetingTypes, type MeetingType } from "~/lib/codes";
import type { MeetingFacts } from "~/lib/scoring/meeting-quality";
import type { MeetingRow } from "./meeting-table";
import { todayInChina } from "~/lib/beijing-day";

/** The form's state: every box as typed, so the server can name the field that is wrong. */
export type Draft = {
  type: MeetingType;
  date: string;
  expected: string;
  present: string;
  topic: string;
  solicitedOpinions: boolean;
  criticalOpinions: string;
  selfCriticisms: string;
  mutualCriticisms: string;
  rectificationItems: string;
  minutes: string;
};

export const numberFields = [
  "expected",
  "present",
  "criticalOpinions",
  "selfCriticisms",
  "mutualCriticisms",
  "rectificationItems",
] as const;

/** Today in Beijing as YYYY-MM-DD. */
const today = () => todayInChina();

export function emptyDraft(quarter: string, running: string): Draft {
  return {
    type: meetingTypes[0],
    // A past quarter gets no default date: a guessed one would land every meeting on the same day.
    date: quarter === running ? today() : "",
    expected: "",
    present: "",
    topic: "",
    solicitedOpinions: false,
    criticalOpinions: "0",
    selfCriticisms: "",
    mutualCriticisms: "",
    rectificationItems: "0",
    minutes: "",
  };
}

export function draftOf(m: MeetingRow): Draft {
  const s = (n: number | null) => (n === null ? "" : String(n));
  return {
    type: m.type,
    date: m.date,
    topic: m.topic,
    solicitedOpinions: m.solicitedOpinions,
    minutes: m.minutes,
    expected: s(m.expected),
    present: s(m.present),
    criticalOpinions: s(m.criticalOpinions),
    selfCriticisms: s(m.selfCriticisms),
    mutualCriticisms: s(m.mutualCriticisms),
    rectificationItems: s(m.rectificationItems),
  };
}

/** A number when the box holds one; "" → null; anything else as text for the server to refuse by name. */
const toNumber = (text: string): number | string | null => {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : trimmed;
};

export function payloadOf(d: Draft) {
  const out: Record<string, unknown> = { ...d };
  for (const f of numberFields) out[f] = toNumber(d[f]);
  // The contract's numbers are checked by the server; the cast only silences the compiler about typed text.
  return out as Omit<Draft, (typeof numberFields)[number]> &
    Record<(typeof numberFields)[number], number> & { selfCriticisms: number | null; mutualCriticisms: number | null };
}

/** What the live rubric scores: unreadable numbers count as 0 until corrected. */
export function factsOf(d: Draft): MeetingFacts {
  const n = (s: string) => (Number.isFinite(Number(s)) && s.trim() !== "" ? Number(s) : 0);
  return {
    type: d.type,
    // An empty "expected" box must not read as "everyone came" (present / 0 counts as full).
    expected: Math.max(1, n(d.expected)),
    present: n(d.present),
    solicitedOpinions: d.solicitedOpinions,
    criticalOpinions: n(d.criticalOpinions),
    rectificationItems: n(d.rectificationItems),
    minutes: d.minutes,
  };
}

export const quarterOfDate = (date: string) => `${date.slice(0, 4)}Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
