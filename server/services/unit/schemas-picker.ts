import "server-only";
import { z } from "~/server/lib/zod";
import { unitIdRules, unitIdSchema } from "~/lib/schemas";
import { m } from "~/lib/server-message";

/** `unit.search`: part of a unit's name, optionally within one subtree the caller may read. */
export const searchUnitsSchema = z.object({
  query: z
    .string({ error: m("unit.typePartOfAUnitName") })
    .trim()
    .min(1, { error: m("unit.typePartOfAUnitName") })
    .max(50, { error: m("unit.searchTextTooLong") }),
  rootId: unitIdSchema.optional(),
  limit: z.number().int().min(1).max(50).optional(),
});
export type SearchUnitsInput = z.infer<typeof searchUnitsSchema>;

/** `unit.get`: one unit the caller may read, with the names of its ancestors (the picker's chosen value). */
export const getUnitSchema = z.object({ id: unitIdSchema });

/**
 * The unit a create form must name: absent (or 0, the “nothing chosen” of a select) is
 * “请选择单位”, on the field, like any other missing field.
 */
export const chosenUnitIdSchema = (message = m("unit.chooseAUnit")) =>
  z.preprocess(
    (v) => (v === null || v === "" || v === 0 ? undefined : v),
    unitIdRules(z.number({ error: (issue) => (issue.input === undefined ? message : m("unit.unitidMustBeAnInteger")) })),
  );
