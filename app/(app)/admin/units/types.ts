/** What a unit row's buttons open. */
export type UnitAction = "addChild" | "edit" | "move" | "status";
