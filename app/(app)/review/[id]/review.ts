import type { RouterOutputs } from "~/app/_lib/trpc/types";
import type { AgendaRow } from "../agenda-editor";

/** The meeting with its agenda (`review.get`), as the meeting page, the slides and the minutes read it on the server. */
export type Review = RouterOutputs["review"]["get"];
export type ReviewItem = Review["items"][number];

export const toAgendaRow = (i: ReviewItem): AgendaRow => ({
  unitId: i.unitId,
  unitName: i.unitName,
  composite: i.slide.composite?.score ?? null,
  reasons: i.reasons,
  addedByChair: i.addedByChair,
  decision: i.decision,
  caseId: i.caseId,
  secretary: i.duty?.secretary?.name ?? null,
  grade: i.duty?.grade?.proposed ?? null,
});

/** How many units still wait: a 述职评议会's unit is settled by its grade proposal, a 问责审议会's by its decision. */
export const undecidedCount = (m: Review) =>
  m.items.filter((i) => (m.kind === "duty_review" ? !i.duty?.grade?.proposed : !i.decision)).length;
