import "server-only";
import type { FlagKind, ReviewReason } from "~/lib/codes";

/** Why a unit is on the agenda, with the figures that put it there (stored with the agenda item). */
export type AgendaReason =
  | { code: "low_score"; evidence: { composite: number; rank: number; of: number } }
  | {
      code: "business_over_party";
      /** `meanBusiness` / `meanComposite` are the dividing lines in force: the means, or the admin's fixed thresholds (`cutoff`; absent on older agendas: means). */
      evidence: {
        business: number;
        composite: number;
        cutoff?: "mean" | "fixed";
        meanBusiness: number;
        meanComposite: number;
        gap: number;
      };
    }
  | { code: "formalism_flags"; evidence: { total: number; kinds: Partial<Record<FlagKind, number>> } }
  | { code: "overdue_rectification"; evidence: { items: number; cases: number; oldestDeadline: string } };

export type ProposedItem = {
  unitId: number;
  unitName: string;
  composite: number | null;
  business: number | null;
  reasons: AgendaReason[];
};

/** How many units each rule proposes, and how long the merged agenda may be. */
export const proposalLimits = { perReason: 5, agenda: 15 } as const;

export const reasonOrder: Record<ReviewReason, number> = {
  low_score: 0,
  business_over_party: 1,
  formalism_flags: 2,
  overdue_rectification: 3,
};

export const round1 = (x: number) => Math.round(x * 10) / 10;
