import { createLoader, parseAsStringLiteral } from "nuqs/server";

/** Which units the quadrant draws: the next level below the subtree root (subtree means), or every unit below it by its own report. */
export const quadrantLevels = ["children", "units"] as const;
export type QuadrantLevel = (typeof quadrantLevels)[number];

/** `level` in the URL (left out when it is the default, the next level). */
export const levelParser = parseAsStringLiteral(quadrantLevels).withDefault("children");
export const loadLevel = createLoader({ level: levelParser });

/** The `dashboard.quadrant` input for the filters in force: the quadrant shows the range's last quarter. */
export function quadrantInput(f: { unitId: number; to: string; include: "approved" | "submitted" }, level: QuadrantLevel) {
  return { unitId: f.unitId, quarter: f.to, include: f.include, level };
}
