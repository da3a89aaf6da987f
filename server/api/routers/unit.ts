import { z } from "~/server/lib/zod";
import { createTRPCRouter, protectedProcedure } from "~/server/api/trpc";
import { unitIdSchema } from "~/lib/schemas";
import { adminListUnits } from "~/server/services/unit/admin-list";
import { createUnit } from "~/server/services/unit/create";
import { moveUnit } from "~/server/services/unit/move";
import { previewUnitMove } from "~/server/services/unit/move-preview";
import { createUnitSchema, moveUnitSchema, setUnitActiveSchema, updateUnitSchema } from "~/server/services/unit/schemas";
import { setUnitActive } from "~/server/services/unit/set-active";
import { getUnitSchema, searchUnitsSchema } from "~/server/services/unit/schemas-picker";
import { getPickedUnit, searchUnits } from "~/server/services/unit/search";
import { unitTree } from "~/server/services/unit/tree";
import { updateUnit } from "~/server/services/unit/update";

export const unitRouter = createTRPCRouter({
  tree: protectedProcedure
    .input(z.object({ rootId: unitIdSchema.optional(), depth: z.number().int().min(0).max(50).optional() }).optional())
    .query(({ ctx, input }) => unitTree(ctx, input ?? {})),
  // The unit picker: find by part of the name, and one unit's name and ancestors (within the caller's reach).
  search: protectedProcedure.input(searchUnitsSchema).query(({ ctx, input }) => searchUnits(ctx, input)),
  get: protectedProcedure.input(getUnitSchema).query(({ ctx, input }) => getPickedUnit(ctx, input)),

  // Administration of the tree (admin only; the services check the capability).
  adminList: protectedProcedure.query(({ ctx }) => adminListUnits(ctx)),
  create: protectedProcedure.input(createUnitSchema).mutation(({ ctx, input }) => createUnit(ctx, input)),
  update: protectedProcedure.input(updateUnitSchema).mutation(({ ctx, input }) => updateUnit(ctx, input)),
  movePreview: protectedProcedure.input(z.object({ id: unitIdSchema })).query(({ ctx, input }) => previewUnitMove(ctx, input)),
  move: protectedProcedure.input(moveUnitSchema).mutation(({ ctx, input }) => moveUnit(ctx, input)),
  setActive: protectedProcedure.input(setUnitActiveSchema).mutation(({ ctx, input }) => setUnitActive(ctx, input)),
});
