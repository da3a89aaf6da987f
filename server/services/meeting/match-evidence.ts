import "server-only";
import type { Unit } from "~/db/schema";
import { canAccess, type Actor } from "~/server/scope";

export type MatchEvidence =
  | {
      outOfReach: false;
      meetingId: number;
      unitId: number;
      unitName: string;
      date: string;
      quarter: string;
      type: string;
      sameUnit: boolean;
      similarity: number;
    }
  | { outOfReach: true; similarity: number };

/**
 * What a reader may learn about the meeting whose minutes match theirs: everything when they
 * may read its unit; otherwise only that such a match exists and how close it is. The one place
 * that decides it for the check while typing (the flags' wording for such a match: ./out-of-reach.ts).
 */
export function matchEvidence(
  actor: Actor,
  match: { id: number; unitId: number; date: string; quarter: string; type: string; similarity: number },
  unit: Pick<Unit, "id" | "path" | "name">,
  ownUnitId: number,
): MatchEvidence {
  const similarity = Math.round(match.similarity * 100) / 100;
  if (!canAccess(actor, unit, "read")) return { outOfReach: true, similarity };
  return {
    outOfReach: false,
    meetingId: match.id,
    unitId: unit.id,
    unitName: unit.name,
    date: match.date,
    quarter: match.quarter,
    type: match.type,
    sameUnit: unit.id === ownUnitId,
    similarity,
  };
}
