import { z } from "~/server/lib/zod";
import { createTRPCRouter, protectedProcedure } from "~/server/api/trpc";
import { dashboardOverview } from "~/server/services/dashboard/overview";
import { quarterSchema, unitIdSchema } from "~/server/services/report/schemas";

export const dashboardRouter = createTRPCRouter({
  overview: protectedProcedure
    .input(
      z.object({
        unitId: unitIdSchema,
        from: quarterSchema,
        to: quarterSchema,
        include: z.enum(["all", "submitted", "approved"]).optional(),
      }),
    )
    .query(({ ctx, input }) => dashboardOverview(ctx, input)),
});
