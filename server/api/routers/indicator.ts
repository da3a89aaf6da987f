import { z } from "~/server/lib/zod";
import { createTRPCRouter, protectedProcedure } from "~/server/api/trpc";
import { listCategories, listIndicators } from "~/server/services/indicator/list";
import { quarterSchema } from "~/lib/schemas";

const forQuarter = z.object({ quarter: quarterSchema.optional() }).optional();

export const indicatorRouter = createTRPCRouter({
  list: protectedProcedure.input(forQuarter).query(({ ctx, input }) => listIndicators(ctx, input)),
  categories: protectedProcedure.input(forQuarter).query(({ ctx, input }) => listCategories(ctx, input)),
});
