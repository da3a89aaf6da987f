import { unitTypes } from "~/lib/codes";
import { z } from "~/server/lib/zod";
import { quarterSchema, unitIdSchema } from "~/lib/schemas";
import { chosenUnitIdSchema } from "./schemas-picker";

// Inputs of the unit administration procedures (unit.create / update / move / setActive).

const name = z
  .string({ error: "请填写单位名称（name is required）" })
  .trim()
  .min(1, { error: "请填写单位名称（name is required）" })
  .max(100, { error: "单位名称不能超过 100 字（name is at most 100 characters）" });

const type = z.enum(unitTypes, { error: "请选择单位类型：党委、党总支、党支部或部门（choose a unit type）" });

const memberCount = z
  .number({ error: "党员人数须为整数（member count must be a whole number）" })
  .int({ error: "党员人数须为整数（member count must be a whole number）" })
  .min(0, { error: "党员人数不能为负数（member count cannot be negative）" })
  .max(1_000_000, { error: "党员人数过大（member count is too large）" });

const flag = (what: string) => z.boolean({ error: `${what}须为是或否（must be true or false）` });

const attributes = {
  name,
  type,
  memberCount,
  secretaryIsHead: flag("书记“一肩挑”"),
  fullTimeStaff: flag("专职党务干部"),
};

export const createUnitSchema = z.object({
  parentId: chosenUnitIdSchema("请选择上级单位（Choose the parent unit）"),
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
