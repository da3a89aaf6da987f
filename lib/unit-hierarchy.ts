import { unitTypes, type UnitType } from "~/lib/codes";

/** The unit ids on a materialised path (`/1/5/23/` → [1, 5, 23]): root first, the unit itself last. */
export const pathIds = (path: string) => path.split("/").filter(Boolean).map(Number);

/**
 * Which unit types may hang under which (the one home of the rule; the server enforces it on
 * create, move and type change, and the admin dialogs offer only what it allows):
 * 部门 / 党委 → 党委、党总支、党支部; 党总支 → 党支部; 党支部 → none.
 * A 部门 is therefore only ever a root.
 */
export const allowedChildTypes: Record<UnitType, readonly UnitType[]> = {
  department: ["committee", "general_branch", "branch"],
  committee: ["committee", "general_branch", "branch"],
  general_branch: ["branch"],
  branch: [],
};

export const canHaveChildren = (parentType: UnitType) => allowedChildTypes[parentType].length > 0;

export const mayHangUnder = (childType: UnitType, parentType: UnitType) => allowedChildTypes[parentType].includes(childType);

/**
 * The types a unit may take where it stands: allowed under its parent (any type for a root)
 * and able to hold every type among its children.
 */
export function typesFitting(parentType: UnitType | null, childTypes: readonly UnitType[]): UnitType[] {
  return unitTypes.filter((t) => (parentType === null || mayHangUnder(t, parentType)) && childTypes.every((c) => mayHangUnder(c, t)));
}

type Node = { id: number; path: string; type: UnitType; active: boolean; parentId: number | null };

/**
 * Why `unit` (with its subtree) cannot move under `target`, or null when it can. Codes, so that the
 * dialog words them in the page's language and the server in both.
 */
export function moveRefusal(unit: Node, target: Node): "self" | "descendant" | "sameParent" | "type" | "inactive" | null {
  if (target.id === unit.id) return "self";
  if (target.path.startsWith(unit.path)) return "descendant";
  if (target.id === unit.parentId) return "sameParent";
  if (!mayHangUnder(unit.type, target.type)) return "type";
  if (unit.active && !target.active) return "inactive";
  return null;
}
