"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "~/app/_lib/trpc/react";
import type { AgendaRow } from "../agenda-editor";

/** The meeting with its agenda, shared by the meeting page, the slides and the minutes. */
export function useReview(id: number) {
  const trpc = useTRPC();
  return useQuery(trpc.review.get.queryOptions({ id }));
}

export type Review = NonNullable<ReturnType<typeof useReview>["data"]>;
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
