import type { CategoryCode } from "~/lib/codes";
import { addQuarters, quarterOf } from "~/lib/quarter";
import type { CaseDashboardInput } from "~/app/_lib/api-types";

/**
 * Cases are counted by the quarter they were opened in, and the running quarter already has
 * cases: so unlike the score dashboards, the default range ends with the running quarter.
 */
export function caseDashboardRange(now = new Date()): { from: string; to: string } {
  const to = quarterOf(now);
  return { from: addQuarters(to, -7), to };
}

/** The quarters the range selects offer: the running one and the 19 before it, newest first. */
export function caseDashboardQuarters(now = new Date()): string[] {
  const running = quarterOf(now);
  return Array.from({ length: 20 }, (_, i) => addQuarters(running, -i));
}

/** The `case.dashboard` input for the filters in force; the page prefetches and the client reads the same key. */
export function caseDashboardInput(f: { unitId: number; from: string; to: string; category: CategoryCode | null }): CaseDashboardInput {
  return { unitId: f.unitId, from: f.from, to: f.to, ...(f.category ? { category: f.category } : {}) };
}
