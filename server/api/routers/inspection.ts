import { createTRPCRouter, protectedProcedure } from "~/server/api/trpc";
import { createInspection } from "~/server/services/inspection/create";
import { getInspection } from "~/server/services/inspection/get";
import { listInspections } from "~/server/services/inspection/list";
import {
  createInspectionSchema,
  inspectionIdSchema,
  listInspectionsSchema,
  updateInspectionSchema,
  withdrawInspectionSchema,
} from "~/server/services/inspection/schemas";
import { updateInspection } from "~/server/services/inspection/update";
import { withdrawInspection } from "~/server/services/inspection/withdraw";

/** 一岗双责 inspections (一岗双责检查). Scope: `case` access to record and edit, `read` to see. */
export const inspectionRouter = createTRPCRouter({
  create: protectedProcedure.input(createInspectionSchema).mutation(({ ctx, input }) => createInspection(ctx, input)),
  update: protectedProcedure.input(updateInspectionSchema).mutation(({ ctx, input }) => updateInspection(ctx, input)),
  withdraw: protectedProcedure.input(withdrawInspectionSchema).mutation(({ ctx, input }) => withdrawInspection(ctx, input)),
  list: protectedProcedure.input(listInspectionsSchema).query(({ ctx, input }) => listInspections(ctx, input)),
  get: protectedProcedure.input(inspectionIdSchema).query(({ ctx, input }) => getInspection(ctx, input)),
});
