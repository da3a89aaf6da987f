import "server-only";
import { unitTypes } from "~/lib/codes";
import { z } from "~/server/lib/zod";
import { quarterSchema, unitIdSchema } from "~/lib/schemas";
import { chosenUnitIdSchema } from "./schemas-picker";
import { m } from "~/lib/server-message";

// Inputs of the unit administration procedures (unit.create / update / move / setActive).

const name = z
  .string({ error: m("unit.nameIsRequired") })
  .trim()
  .min(1, { error: m("unit.nameIsRequired") })
  .max(100, { error: m("unit.nameIsAtMost100Characters") });

const type = z.enum(unitTypes, { error: m("unit.chooseAUnitType") });

const memberCount = z
  .number({ error: m("unit.memberCountMustBeAWhole") })
  .int({ error: m("unit.memberCountMustBeAWhole") })
  .min(0, { error: m("unit.memberCountCannotBeNegative") })
  .max(1_000_000, { error: m("unit.memberCountIsTooLarge") });

const flag = (what: string) => z.boolean({ error: m("unit.mustBeTrueOrFalse", { what }) });

const attributes = {
  name,
  type,
  memberCount,
  secretaryIsHead: flag("书记“一肩挑”"),
  fullTimeStaff: flag("专职党务干部"),
};

export const createUnitSchema = z.object({
  parentId: chosenUnitIdSchema(m("unit.chooseTheParentUnit")),
  ...attributes,
  /** First quarter the unit owes a report for; default: the quarter it is created in. */
  startQuarter: quarterSchema.optional(),
});
export type CreateUnitInput = z.infer<typeof createUnitSchema>;

export const updateUnitSchema = z.object({
  id: unitIdSchema,
  name: name.optional(),
  type: type.optional(),
  memberCount: memberCount.optional(),
  secretaryIsHead: attributes.secretaryIsHead.optional(),
  fullTimeStaff: attributes.fullTimeStaff.optional(),
});
export type UpdateUnitInput = z.infer<typeof updateUnitSchema>;

export const moveUnitSchema = z.object({ id: unitIdSchema, parentId: unitIdSchema });
export type MoveUnitInput = z.infer<typeof moveUnitSchema>;

export const setUnitActiveSchema = z.object({ id: unitIdSchema, active: flag("启用状态") });
export type SetUnitActiveInput = z.infer<typeof setUnitActiveSchema>;
