import { z } from "~/server/lib/zod";
import { createTRPCRouter, protectedProcedure } from "~/server/api/trpc";
import { getCompleteness } from "~/server/services/completeness/get";
import { quarterSchema, unitIdSchema } from "~/lib/schemas";

export const completenessRouter = createTRPCRouter({
  get: protectedProcedure
    .input(z.object({ unitId: unitIdSchema, quarter: quarterSchema }))
    .query(({ ctx, input }) => getCompleteness(ctx, input)),
});
